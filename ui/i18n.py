"""The interface language: Chinese or English, from the system or the user's choice.

Strings in ``ui/`` are English source texts wrapped in ``tr()``; their Chinese
lives in ``resources/i18n/annotator_zh_CN.ts`` (edit it with Qt Linguist) and
is compiled to ``.qm`` by ``scripts/update_translations.sh``. Qt's own
translation of its standard buttons and dialogs is loaded beside ours.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from annotator.models import Code
from annotator.resources import resource_path

#: Choices offered in View → Language: setting value → shown name (always in its own language).
LANGUAGES = {"system": "System language / 跟随系统", "zh_CN": "中文", "en": "English"}

_installed: list[QTranslator] = []


def chosen_language() -> str:
    """``zh_CN`` or ``en``: the user's choice, else the system's (Chinese for any zh locale)."""
    setting = str(QSettings().value("language", "system") or "system")
    if setting in ("zh_CN", "en"):
        return setting
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def is_english() -> bool:
    return chosen_language() == "en"


def install(language: str | None = None) -> str:
    """Load the translations for ``language`` (default: the chosen one); return it."""
    language = language or chosen_language()
    application = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if language == "zh_CN" and application is not None:
        ours = QTranslator(application)
        if ours.load(str(resource_path("i18n", "annotator_zh_CN.qm"))):
            _installed.append(ours)
        qt = QTranslator(application)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load("qtbase_zh_CN", qt_folder):
            _installed.append(qt)
        for translator in _installed:
            QCoreApplication.installTranslator(translator)
    return language


def code_name(code: Code) -> str:
    """A code's name in the interface language (its Chinese name if it has no English one)."""
    return code.name_en if is_english() and code.name_en else code.name


def code_label(code: Code) -> str:
    """Key and name, as every list, menu and tooltip shows a code."""
    name = code_name(code)
    return f"{code.key}  {name}" if code.key else name
