"""How plausible a reading of undeclared bytes is as written text: the letters of one language (text.py's choice
among charset-normalizer's readings), and a measure of everything a wrong code page gives (letters of two scripts
in one word, signs inside words, C1 controls, rare ideographs), by which the most plausible of the common
encodings' readings is found and a close rival named."""

from __future__ import annotations

import codecs
import functools
import unicodedata
from collections import Counter
from itertools import pairwise

from briefing.core.lazy_regex import lazy

# The non-ASCII letters of the languages written in Latin letters that the common encodings above carry (lower
# case; their capitals are added)
_LATIN_LETTERS = {
    "French": "àâäçéèêëîïôöùûüÿœæ",
    "German": "äöüß",
    "Spanish": "áéíóúñü",
    "Portuguese (its ü went in 1945 and 2009)": "áàâãçéêíóôõú",
    "Italian": "àèéìíîòóùú",
    "Dutch": "áéíóúàèëïöüĳ",
    "Catalan": "àçèéíïòóúü",
    "Danish, Norwegian": "æøåéó",
    "Swedish": "åäöé",
    "Finnish": "äöåšž",
    "Icelandic": "áéíóúýþæöð",
    "Albanian": "çë",
    "Welsh": "âêîôûŵŷäëïöüÿáéíóúẃẁẅỳýàèìòù",
    "Turkish": "çğıöşüâîûİ",
    "Azerbaijani": "çəğıöşüİ",
    "Lithuanian": "ąčęėįšųūž",
    "Latvian": "āčēģīķļņšūž",
    "Estonian": "äõöüšž",
    "Polish": "ąćęłńóśźż",
    "Czech": "áčďéěíňóřšťúůýž",
    "Slovak": "áäčďéíĺľňóôŕšťúýž",
    "Hungarian": "áéíóöőúüű",
    "Romanian": "ăâîșțşţ",
    "Croatian, Bosnian, Serbian, Slovene": "čćđšž",
    "Maltese": "ċġħżàèìòù",
    "Esperanto": "ĉĝĥĵŝŭ",
    "Vietnamese": "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ",
}
_ALPHABETS = [frozenset(letters + letters.upper()) for letters in _LATIN_LETTERS.values()]
# Welsh's own letters (ŵ ŷ) are in no common code page: its ý ö ü only make cp1252's reading of Turkish fit it
_LATIN_ALPHABETS = {
    language: frozenset(letters + letters.upper())
    for language, letters in _LATIN_LETTERS.items()
    if language != "Welsh"
}
# The letters of the French, Spanish and German words and names English writes ("café", "naïve", "Señor Müller"):
# an English text in cp1252 has these (not one a language of its own: no text is told to fit it alone)
_ENGLISH_LETTERS = frozenset("àâäçéèêëîïôöùûüñæœåøá" + "àâäçéèêëîïôöùûüñæœåøá".upper())
# Short words that tell which of those languages a text is in, whatever the encoding (they are ASCII): a reading
# whose letters fit another language's alphabet is less plausible (French read as cp1250: "étrangčres" fits Czech).
# Only a word of one language's list counts ("a" or "de" tells nothing); English, whose letters are all ASCII, only
# keeps the others from being told by its "to" or "a".
_LANGUAGE_WORDS = {
    "English": "the and of to that with this from was were have has which would their been",
    "French": "le la les des du et est que qui une dans pour pas sur au aux avec il elle ne ce sont par",
    "German": "der die das und ist nicht mit den dem ein eine zu von auf sich des im auch wird",
    "Spanish": "el los las del y que en por con para es lo al una se su como",
    "Portuguese (its ü went in 1945 and 2009)": "os as do da dos das em um uma com por se no na ao que",
    "Italian": "il lo gli di del della che e un una per con non sono nel alla",
    "Dutch": "de het een en van is dat op te met voor niet zijn",
    "Catalan": "el els la les de del i que amb per es una",
    "Danish, Norwegian": "og det er til en af at som med for den har",
    "Swedish": "och att det som en av for med har den inte",
    "Finnish": "ja on ei se mutta",
    "Polish": "w i na z do nie to jest o jak po od przez dla za ze",
    "Czech": "a v se na je to do ze z o k jako by pro po jsou",
    "Slovak": "a v sa na je to do z o k ako by pre po",
    "Hungarian": "a az egy es hogy nem is meg el ez mint volt van",
    "Turkish": "bir ve bu da de ile olarak gibi daha ne en kadar",
    "Croatian, Bosnian, Serbian, Slovene": "i je u na se da za od su koji kao",
    "Romanian": "si in de la cu pe nu un o este din a fost",
    "Lithuanian": "ir kad yra su bet tai",
    "Latvian": "un ir ar par ka no",
    "Estonian": "ja on et ei see kui",
}
_LANGUAGES_OF_WORD: dict[str, list[str]] = {}
for _language, _words in _LANGUAGE_WORDS.items():
    for _word in _words.split():
        _LANGUAGES_OF_WORD.setdefault(_word, []).append(_language)
# Vietnamese has all of Latin-1's vowels with acute, grave and tilde: it fits a reading only with letters of its own
_VIETNAMESE_OWN = _LATIN_ALPHABETS["Vietnamese"].difference(
    *(alphabet for language, alphabet in _LATIN_ALPHABETS.items() if language != "Vietnamese")
)
_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC", "HEBREW", "ARABIC")
_CYRILLIC_VOWELS = frozenset("аеёиоуыэюяіїєў")
_HEBREW_FINALS = frozenset("ךםןףץ")
_WORD = lazy(r"\w+")


def language_fit(text: str) -> int | None:
    """How well a reading's letters fit one language: 0 when they fit none (the letters of Turkish and Icelandic
    together, Hebrew's final letters inside words, Cyrillic "words" without vowels), 1 when they fit one, 2 when
    they also show a sign of their script's spelling (Hebrew's final letters or Greek's ς at the ends of words);
    None for scripts this does not judge (CJK, Thai…)."""
    # (20,000 characters: plenty to judge by, and quick on a long file; composed, so that cp1258's letter + tone
    # mark is the Vietnamese letter it writes)
    text = unicodedata.normalize("NFC", text[:20000])
    if symbols_in_words(text) > len(text) // 1000:  # (a stray one in a long text)
        return 0
    letters = [c for c in text if c.isalpha() and not c.isascii()]
    # an accent no letter takes ("d" + acute: Italian's "venerdì" or Catalan's "però" read as cp1258) is a letter no
    # alphabet has
    loose = sum(1 for a, b in pairwise(text) if a.isascii() and a.isalpha() and unicodedata.combining(b))
    if not letters and not loose:
        return 1
    scripts: dict[str, int] = {"LATIN": loose} if loose else {}
    for c, count in Counter(letters).items():
        script = unicodedata.name(c, "").split(" ")[0]
        scripts[script] = scripts.get(script, 0) + count
    script = max(scripts, key=scripts.__getitem__)
    if script not in _SCRIPTS:
        return None
    stray = max(0, (len(letters) + loose) // 50)  # a foreign name or two in a long text
    if script == "LATIN":
        uncovered = loose + min(sum(1 for c in letters if c not in alphabet) for alphabet in _ALPHABETS)
        return 1 if uncovered <= stray else 0
    if len(letters) - scripts[script] > stray:
        return 0
    words = _WORD.findall(text)
    if script == "CYRILLIC":
        lower = [w for w in words if len(w) >= 3 and w.islower() and not w.isascii()]
        voiceless = sum(1 for w in lower if not _CYRILLIC_VOWELS.intersection(w))
        return 0 if lower and voiceless * 4 >= len(lower) else 1
    finals = _HEBREW_FINALS if script == "HEBREW" else frozenset("ς") if script == "GREEK" else frozenset()
    inside = sum(1 for w in words for c in w[:-1] if c in finals)
    at_end = sum(1 for w in words if w[-1] in finals)
    if inside > (inside + at_end) // 10:
        return 0
    return 2 if at_end else 1


# Signs that stand inside a word or open one in real text: apostrophes and quotes, dashes, brackets (by category),
# Catalan's l·l, Spanish ¿ ¡, the punctuation of Chinese and Japanese (which have no spaces between words)
_SIGNS_BY_WORDS = frozenset("·¿¡、。，．：；？！・")
_SIGN_CATEGORIES = frozenset(("Pi", "Pf", "Pd", "Ps", "Pe", "Zs", "Cf", "Mn", "Mc", "Me"))
_NON_ASCII = lazy(r"[^\x00-\x7f]")


def symbols_in_words(text: str) -> int:
    """How many signs beyond ASCII sit inside a word (between two letters) or open a lower-case one: letters read
    in the wrong code page (Estonian "Välisminister ütles" in Mac Roman: "V‰lisminister ¸tles")."""
    count = 0
    for match in _NON_ASCII.finditer(text):
        c, at = match.group(), match.start()
        if c in "¿¡" and text[at - 1 : at].isalpha():
            count += 1  # (they open a sentence: UTF-8's "á" read as cp1252 is "Ã¡")
            continue
        if c.isalpha() or c.isdecimal() or c in _SIGNS_BY_WORDS or unicodedata.category(c) in _SIGN_CATEGORIES:
            continue
        after = text[at + 1 : at + 2]
        if after.isalpha() and (after.islower() or text[at - 1 : at].isalpha()):
            count += 1
    return count


# The encodings whose readings are weighed against each other, the more widely used first (the first of equally
# plausible readings is named first): the Windows code pages, the East Asian ones, then ISO, KOI8, DOS and Mac
CANDIDATES = (
    "cp1252", "cp1251", "cp1250", "gb18030", "shift_jis", "cp932", "big5", "euc_kr", "cp949", "euc_jp",
    "cp1256", "cp1253", "cp1255", "cp1254", "cp1257", "koi8_r", "cp1258", "cp874", "iso8859_2", "koi8_u",
    "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "cp866", "mac_roman",
)  # fmt: skip
# Readings are compared by their odd characters (implausibility times the characters beyond ASCII): one with fewer
# than 0.75 (plus 2 % of the characters) more than the reading used is nearly as plausible, and is named; the reading
# charset-normalizer chose gives way to one with at least 0.5 (plus 1 %) fewer
NEAR, NEAR_SHARE = 0.75, 0.02
SWITCH, SWITCH_SHARE = 0.5, 0.01
_HEAD = 32768  # bytes of a file whose readings are weighed
_SAMPLE = 8000  # characters of a reading judged (plenty, and quick on a long file)
GARBLED = 0.3  # a reading with this many odd characters per character beyond ASCII still looks garbled
# fewer characters beyond ASCII than FEW are too few to judge by: the next three readings are named unless they have
# more than FEW_ODD odd characters more
FEW, FEW_ODD = 8, 3.0

# signs a text has beside its words, in any script (not signs a wrong code page puts inside them)
_COMMON_SIGNS = frozenset(
    "‘’‚“”„–—…•‹›€«»°·×§©®™¢£¥¿¡ºª№´·\u00a0\u00ad\u200e\u200f、。，．：；？！「」『』（）【】〈〉《》・￥"
)
# the letters of the languages written in Cyrillic: Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian
_CYRILLIC_ALPHABETS = [
    frozenset(letters)
    for letters in (
        "абвгдежзийклмнопрстуфхцчшщъыьэюяё",
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
        "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
        "абвгдежзийклмнопрстуфхцчшщъьюя",
        "абвгдђежзијклљмнњопрстћуфхцчџш",
        "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
    )
]
_GREEK_ACCENTED = frozenset("άέήίόύώϊϋ")
# Common words with letters beyond ASCII, whose presence speaks for a reading (a line or two has few letters to
# judge by otherwise: Hebrew read as cp1251 is Cyrillic letters that fit Russian); words of one letter do not count
# (a wrong code page makes them as easily)
_COMMON_WORDS = frozenset(
    word
    for line in (
        "и в не на что с по он как это из к о за от для но его она так же все бы до был была были есть также после",
        "будет только году может их когда если чтобы более уже при или мы они вы",
        "і що з та як це від про у її але бути році між",
        "че да се са като това той тя ще които след още",
        "και το να του την της με που για τα στο ο η οι στην από των είναι θα τον τις σε δεν ότι στη κατά μετά ή",
        "של את על כי לא עם זה הוא היא גם כל אם או בין אחרי לפני יש אין אל מה ביום שלא אשר הם ראש",
        "في من على أن إلى عن مع هذا هذه التي الذي كان لا ما بعد قبل يوم أو كل بين قد",
        "için çok göre değil ancak sonra üzere şu iki büyük ayrıca",
        "że się są już także który która został może przez było będzie jeszcze",
        "že při který která bylo jsou také podle být jeho mezi před",
        "és hogy már között után még úgy szerint több első",
        "și în că pentru după fără",
        "và của là có được trong cho với các những người một này không đã",
        "für über dass würde können während",
        "à être été où déjà très après même",
        "más está según también",
        "não são até após então",
    )
    for word in line.split()
)
_CJK = ("CJK", "HIRAGANA", "KATAKANA", "IDEOGRAPHIC", "KATAKANA-HIRAGANA")


@functools.lru_cache(maxsize=4096)
def _script(c: str) -> str:
    if c.isascii():
        return "LATIN"
    first = unicodedata.name(c, "?").split(" ")[0]
    return "CJK" if first in _CJK else first


@functools.lru_cache(maxsize=8192)
def _common_ideograph(c: str, japanese: bool) -> bool:
    """Whether an ideograph is one of the common ones: GB 2312's first level, Big5's frequent characters or JIS X
    0208's first level, that one alone in Japanese (a misread byte pair gives rare ones, or characters no common
    encoding has; EUC-JP read as GB18030 keeps its kana, but not its kanji)."""
    tiers = (("gb2312", 0xB0A1, 0xD7FE), ("big5", 0xA440, 0xC67E), ("cp932", 0x889F, 0x9872))
    for codec, low, high in tiers[2:] if japanese else tiers:
        try:
            code = int.from_bytes(c.encode(codec), "big")
        except UnicodeEncodeError:
            continue
        if low <= code <= high:
            return True
    return False


@functools.lru_cache(maxsize=8192)
def _odd_character(c: str) -> float:
    """How unlikely one character beyond ASCII is in written text, whatever its neighbours."""
    category = unicodedata.category(c)
    if category in ("Cc", "Co", "Cn", "Cs") and c != "\x85":
        return 3.0  # C1 controls (but NEL, a line break), private use, unassigned: no text has them
    code = ord(c)
    if 0xFF61 <= code <= 0xFF9F or 0x3130 <= code <= 0x318F or 0xFB50 <= code <= 0xFEFF:
        return 1.0  # half-width katakana, Hangul's loose letters, Arabic presentation forms: a byte misread
    if 0xAC00 <= code <= 0xD7A3:  # a Hangul syllable outside KS X 1001's 2,350 common ones
        return 0.0 if len(c.encode("euc_kr")) == 2 else 1.0  # (Python's codec spells the others out in 8 bytes)
    if category[0] in "SPN" and category != "Nd" and c not in _COMMON_SIGNS:
        return 0.5
    return 0.0


def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _cyrillic_misspellings(word: str) -> int:
    """Spellings no Slavic language has: й after a consonant, ь or ъ opening a word or after a vowel, ы opening
    a word, two hushing consonants together (Hebrew read as cp1251: "дегйт", "щш")."""
    count = int(word[:1] in ("ь", "ъ", "ы"))
    for before, letter in pairwise(word):
        count += before in "шщжчц" and letter in "шщжч" and before + letter != "жж"
        if letter == "й":
            count += before not in _CYRILLIC_VOWELS
        elif letter in ("ь", "ъ"):
            count += before in _CYRILLIC_VOWELS or before in ("ь", "ъ", "й")
    return count


def _thai_misplaced(word: str) -> int:
    """Thai vowel signs and tone marks not on a consonant (at most two on one), leading vowels before no
    consonant: Arabic or Japanese bytes read as cp874."""
    count = 0
    stacked = 0
    for at, c in enumerate(word):
        if "\u0e01" <= c <= "\u0e2e":
            stacked = 0
        elif unicodedata.category(c) == "Mn":
            stacked += 1
            count += at == 0 or stacked > 2 or not ("\u0e01" <= word[at - stacked] <= "\u0e2e")
        else:
            stacked = 9  # (a mark after a vowel letter or a digit is misplaced)
        if "\u0e40" <= c <= "\u0e44":
            count += not ("\u0e01" <= word[at + 1 : at + 2] <= "\u0e2e")
    return count


def _loose_marks(text: str) -> int:
    """Combining marks that belong to no letter: a Thai vowel or tone mark, a Hebrew point or an Arabic vowel
    sign after a letter of another script or none, an accent left over after composing (no letter has it)."""
    count = 0
    for before, mark in pairwise(" " + text):
        if unicodedata.category(mark) not in ("Mn", "Mc"):
            continue
        script = _script(mark)
        if script == "COMBINING":
            count += not before.isalpha()
        elif _script(before) != script and unicodedata.category(before) not in ("Mn", "Mc"):
            count += 1
    return count


@functools.lru_cache(maxsize=32)
def _frequent_letters(script: str) -> frozenset[str]:
    """The 26 most frequent letters of the languages written in a script (charset-normalizer's tables), for the
    alphabetic scripts beyond Latin; the commonest ideographs of Chinese and Japanese; empty for Latin and
    Korean, whose readings are judged by their alphabets and syllables."""
    from charset_normalizer.constant import FREQUENCIES

    if script == "CJK":
        return frozenset(c for language in ("Chinese", "Japanese") for c in FREQUENCIES[language] if _han(c))
    if script in ("LATIN", "HANGUL"):
        return frozenset()
    letters = [c for frequent in FREQUENCIES.values() for c in frequent if _script(c) == script]
    return frozenset(letters)


def _infrequent(letter: str) -> bool:
    script = _script(letter)
    frequent = _frequent_letters(script)
    return bool(frequent) and letter.lower() not in frequent and script != "CJK"


def implausibility(text: str) -> tuple[float, int]:
    """How unlike written text a reading is, per character beyond ASCII (0 or less for text as written), and how
    many such characters there are to judge by. What counts against it: characters no text has or that only a
    misread byte gives, rare ideographs, signs inside words or between letters, letters of two scripts (or a capital
    after a small letter) in one word, letters that fit no one language's alphabet, spellings no language of the
    script has; for it, common words and the final letters of Hebrew and Greek where words end."""
    text = unicodedata.normalize("NFC", text[:_SAMPLE])
    beyond = [c for c in text if not c.isascii()]
    if not beyond:
        return 0.0, 0
    odd = sum(_odd_character(c) for c in beyond) + symbols_in_words(text) + _loose_marks(text)
    odd += 0.25 * sum(1 for c in beyond if c.isalpha() and _infrequent(c))
    japanese = any("\u3041" <= c <= "\u30ff" for c in beyond)
    odd += sum(1 for c in beyond if _han(c) and not _common_ideograph(c, japanese))
    odd -= 0.25 * sum(1 for c in beyond if c in _frequent_letters("CJK"))
    for match in _NON_ASCII.finditer(text):
        at, c = match.start(), match.group()
        before, after = text[at - 1 : at] or " ", text[at + 1 : at + 2] or " "
        # a space between two ideographs: Chinese and Japanese have none between words (Korean read as GB18030 has)
        odd += _han(c) and after == " " and _han(text[at + 2 : at + 3] or " ")
        if _is_sign(c):
            # a sign wedged between other characters beyond ASCII: Shift-JIS read as cp1251 ("‚Нђ\xad•{‚М"); a
            # sign ending a word of four letters or more: Polish "potwierdził" as cp1252 "potwierdzi³" (not "m²")
            odd += 0.5 * (not before.isascii() and not after.isascii() and not _blank(before + after))
            odd += 0.5 * (c not in _COMMON_SIGNS and at >= 4 and text[at - 4 : at].isalpha())
        # a bidi mark inside a word: Turkish "ı" read as cp1255
        odd += c in "\u200e\u200f" and before.isalpha() and after.isalpha()
    latin: list[str] = []
    cyrillic: list[str] = []
    latin_alphabets: list[frozenset[str]] = []
    for word in _WORD.findall(text):
        if not word.isascii():
            odd += _word_oddity(word, latin, cyrillic)
    if latin:
        latin_alphabets = _latin_alphabets(text, latin)
    for letters, alphabets in ((latin, latin_alphabets), (cyrillic, _CYRILLIC_ALPHABETS)):
        if letters:  # the letters that do not fit the alphabet of the language they fit best
            odd += min(sum(1 for c in letters if c not in alphabet) for alphabet in alphabets)
    return odd / len(beyond), len(beyond)


def _latin_alphabets(text: str, letters: list[str]) -> list[frozenset[str]]:
    """The alphabets a reading's Latin letters should fit: the alphabet of the language its short words are in, when
    they tell (two or more words of that language's alone, twice as many as of any other), else all; Vietnamese's
    only with "đ" or a letter of its own (no cp1252 reading has them: Czech "zdrojů" as "zdrojù" is no Vietnamese)."""
    language = told_language(text, 2)
    if language in _LATIN_ALPHABETS:  # (not English's: its texts name "Wałęsa" and "Dvořák" in their own letters)
        return [_LATIN_ALPHABETS[language]]
    return [
        alphabet
        for language, alphabet in _LATIN_ALPHABETS.items()
        if language != "Vietnamese" or _VIETNAMESE_OWN.intersection(letters) or "đ" in letters or "Đ" in letters
    ]


def told_language(text: str, least: int) -> str:
    """The language a text's short ASCII words tell: at least `least` words of its list alone, twice as many as of
    any other language; "" when they do not tell."""
    words = {word.lower() for word in _WORD.findall(text)}  # (not text.lower(): "İran" would be "i̇ran", 2 words)
    told = Counter(_LANGUAGES_OF_WORD[word][0] for word in words if len(_LANGUAGES_OF_WORD.get(word, ())) == 1)
    [(language, most), *others] = told.most_common() or [("", 0)]
    return language if most >= least and all(count * 2 <= most for _, count in others) else ""


def in_users_language(text: str) -> str:
    """English or French when a reading's ASCII words tell one of them (one word is enough) and all its letters
    beyond ASCII are letters that language writes; else "". The users write these two, mostly in cp1252."""
    language = told_language(text[:_SAMPLE], 1)
    if language not in ("English", "French"):
        return ""
    alphabet = _ENGLISH_LETTERS if language == "English" else _LATIN_ALPHABETS[language]
    letters = (c for c in text[:_SAMPLE] if not c.isascii() and unicodedata.category(c)[0] in "LM")  # (and marks)
    return language if all(c in alphabet for c in letters) else ""


def _is_sign(c: str) -> bool:
    """Punctuation, symbols, and superscript digits and fractions (Polish "ł" and Czech "ž" in cp1252: "³", "¾")."""
    category = unicodedata.category(c)
    return (category[0] in "PS" or category == "No") and c not in _SIGNS_BY_WORDS and c != "\u00ad"


def _blank(chars: str) -> bool:
    return any(c.isspace() for c in chars)


def _word_oddity(word: str, latin: list[str], cyrillic: list[str]) -> float:
    """What counts against one word beyond ASCII (its Latin and Cyrillic letters are added to the lists, judged
    together against the alphabets)."""
    odd: float = -(len(word) >= 2 and word.lower() in _COMMON_WORDS)
    letters = [c for c in word if c.isalpha()]
    scripts = Counter(_script(c) for c in letters)
    if not scripts:
        return odd
    odd += len(letters) - max(scripts.values())
    # a capital after a small letter: "лХМХЯРП" (KOI8-R "Министр" read as cp1251)
    lower = next((i for i, c in enumerate(letters) if c.islower()), len(letters))
    odd += sum(1 for c in letters[lower:] if c.isupper())
    main = scripts.most_common(1)[0][0]
    odd += sum(1 for c in word if c.isdecimal() and not c.isascii())  # a Thai digit inside a Latin word...
    if main == "LATIN":
        latin.extend(c for c in letters if not c.isascii())
        odd += sum(1 for c in word[1:] if c in "þÞ")  # (Icelandic's þ opens words: Turkish ş read as cp1252)
    elif main == "CYRILLIC":
        cyrillic.extend(c.lower() for c in letters if _script(c) == main)
        odd += len(word) >= 3 and not _CYRILLIC_VOWELS.intersection(word.lower())
        odd += _cyrillic_misspellings(word.lower())
    elif main == "GREEK":
        # every word of two syllables or more has its accent (monotonic spelling, capitals aside): Hebrew read as
        # cp1253 has none, but has "ΰ" for its commonest letter
        odd += sum(1 for c in word if c in "ΐΰ")
        odd += len(word) >= 5 and word.islower() and not _GREEK_ACCENTED.intersection(word)
        odd += sum(1 for c in word[:-1] if c == "ς") - 0.5 * (word[-1] == "ς")
    elif main == "HEBREW":
        odd += sum(1 for c in word[:-1] if c in _HEBREW_FINALS) - 0.5 * (word[-1] in _HEBREW_FINALS)
    elif main == "ARABIC":
        odd -= 0.5 * word.startswith("ال")  # (the article: a sign of Arabic's spelling, as Hebrew's final letters)
    elif main == "THAI":
        odd += _thai_misplaced(word)
    return odd


def most_plausible(
    data: bytes, text: str, encoding: str, guesses: list[str], *, trusted: bool = False
) -> tuple[str, str, list[str]]:
    """Weigh a reading of the bytes against the common encodings' readings: the most plausible one (the given
    reading unless another is more plausible by SWITCH), its encoding, and the encodings of the other readings that
    are NEAR as plausible, most plausible first (the next three, nearly as plausible, when there are FEW characters
    to judge by). `guesses` are more encodings to weigh (charset-normalizer's other guesses). A `trusted` reading
    (valid UTF-8) gives way only when it looks garbled, and has as rivals only readings more plausible."""
    given = _head(data, encoding)  # (readings are judged by the file's start, and the chosen one read whole)
    readings = {text if given is None else given: encoding}
    given = next(iter(readings))
    for name in (*CANDIDATES, *(name for name in guesses if _ascii_compatible(name))):
        reading = _head(data, name)
        if reading is not None:
            readings.setdefault(reading, name)
    rate = {reading: implausibility(reading) for reading in readings}
    odd = {reading: share * count for reading, (share, count) in rate.items()}
    best = min(readings, key=odd.__getitem__)  # (the first of equals: the given one, or the usual encoding)
    used = best if odd[given] - odd[best] >= SWITCH + SWITCH_SHARE * rate[given][1] else given
    common = min((reading for reading in readings if reading != given), key=odd.__getitem__, default=given)
    if encoding not in CANDIDATES and odd[common] <= odd[given]:
        used = common  # (an exotic encoding is taken only when no common one reads as well: not cp775's "cafķ")
    western = _head(data, "cp1252") or ""
    language = in_users_language(western) if western in readings and not trusted else ""
    if language and odd[western] - odd[used] < SWITCH + SWITCH_SHARE * rate[western][1]:
        used = western  # (English or French letters in cp1252 win unless another reading is clearly more plausible)
    if trusted and (rate[given][0] <= GARBLED or odd[given] - odd[best] < 1):
        used = given  # (valid UTF-8 is read otherwise only when it looks garbled: Thai "ัฐ" in cp874 is "Ѱ")
    evidence = rate[used][1]
    others = [reading for reading in sorted(readings, key=odd.__getitem__) if reading != used]

    def near(reading: str) -> bool:  # (readings differing in a letter or two are weighed by those, however long)
        return odd[reading] - odd[used] < NEAR + NEAR_SHARE * min(evidence, _differing(reading, used))

    if trusted and used == given:
        names = [readings[reading] for reading in others if odd[reading] < odd[used]]
    elif used == western and language:
        # English or French, told by its words and read in cp1252 as its letters, is no longer a few letters to
        # guess at: a rival is named when more plausible, or nearly so reading that language's letters too (not
        # cp1250's "naďve", cp1256's Arabic letter in "Ça", Mac Roman's "cafÈ", cp874's Thai mark in "caf่")
        names = [readings[r] for r in others if odd[r] < odd[used] or (near(r) and in_users_language(r) == language)]
    elif evidence < FEW:  # (a few letters: a reading that looks a little odd may still be the right one)
        names = [readings[reading] for reading in others if odd[reading] - odd[used] <= FEW_ODD][:3]
    else:
        names = [readings[reading] for reading in others if near(reading)]
    if used == given:
        return text, encoding, names
    try:
        return data.decode(readings[used]), readings[used], names
    except UnicodeDecodeError:  # (what follows the start does not fit that encoding)
        return text, encoding, names


def _differing(reading: str, other: str) -> int:
    """How many characters of the judged start two readings differ in (all beyond ASCII when their lengths differ)."""
    a, b = reading[:_SAMPLE], other[:_SAMPLE]
    if len(a) != len(b):
        return max(sum(1 for c in text if not c.isascii()) for text in (a, b))
    return sum(1 for x, y in zip(a, b, strict=True) if x != y)


@functools.lru_cache(maxsize=64)
def _ascii_compatible(encoding: str) -> bool:
    """Whether an encoding reads ASCII as ASCII (EBCDIC's cp037 and cp1026 do not: no text file here is in them)."""
    try:
        return bytes(range(32, 127)).decode(encoding) == bytes(range(32, 127)).decode("ascii")
    except (UnicodeError, LookupError):
        return False


def _head(data: bytes, encoding: str) -> str | None:
    """The start of the bytes read in an encoding (a character cut at its end left out), None if they do not fit."""
    try:
        return codecs.getincrementaldecoder(encoding)().decode(data[:_HEAD], final=len(data) <= _HEAD)
    except (UnicodeError, LookupError):  # (UTF-16 without a byte-order mark is no UnicodeDecodeError)
        return None
