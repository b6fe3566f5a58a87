"""Entry point of the frozen bundle: the same `briefing` command as the installed wheel's script."""

from briefing.cli import run

if __name__ == "__main__":
    run()
