"""The PySide6 desktop GUI: the analyst's desk. Qt is imported only inside this package."""
