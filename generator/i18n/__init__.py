"""Interface languages: message catalogs (catalogs.py) and date labels (dates.py).

Every word the theme and the renderer show readers goes through a catalog in
``generator/data/locale/<code>/LC_MESSAGES/annals.po``; dates go through Babel's CLDR data.
Exports stay language-neutral (ISO values), apart from the human labels they carry.
"""

from .catalogs import (CatalogError, Language, available_languages, catalog_path, language,
                       text_direction)

__all__ = ["CatalogError", "Language", "available_languages", "catalog_path", "language",
           "text_direction"]
