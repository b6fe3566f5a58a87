from briefing.core.lazy_modules import stand_ins

# urllib.parse, which pathlib imports (so every command), imports ipaddress only to check a web address's [IPv6]
# host, which Briefing never parses: about 5 million instructions of a cold command, so it is imported on first use
with stand_ins("ipaddress"):
    import urllib.parse  # noqa: F401

__version__ = "0.1.0"
