"""placeholder"""

from briefing.importers import SourceImportError


def import_bytes(data, file_name, options):
    raise SourceImportError(file_name, "not yet supported")
