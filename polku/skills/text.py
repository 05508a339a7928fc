"""Text normalisation for the skill ranker: tokens, lemmas, aliases, a small fi/sv glossary, sentence split.

ESCO ships here with English labels only, so Finnish and Swedish text reaches ESCO through two doors:
tech names and abbreviations (the same in every language) and a small hand-written glossary of common
work words (lemma → English), which also splits compounds into glossary words ("trukkikortti" →
"trukki" + "kortti" → "forklift licence").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import simplemma

LANGS = ("en", "fi", "sv")

# Tech names and abbreviations → the words ESCO labels use. Keys are lower-case tokens.
ALIASES: dict[str, str] = {
    "js": "javascript",
    "ts": "typescript",
    "k8s": "kubernetes",
    "ml": "machine learning",
    "ai": "artificial intelligence",
    "nlp": "natural language processing",
    "db": "database",
    "dbs": "databases",
    "sql": "sql",
    "nosql": "nosql",
    "postgres": "postgresql",
    "psql": "postgresql",
    "mssql": "sql server",
    "py": "python",
    "golang": "go",
    "reactjs": "react javascript framework",
    "react.js": "react javascript framework",
    "nodejs": "node.js",
    "node": "node.js",
    "vuejs": "vue javascript",
    "angularjs": "angularjs",
    "c#": "c#",
    "csharp": "c#",
    "cpp": "c++",
    "dotnet": "asp.net",
    ".net": "asp.net",
    "aws": "amazon web services cloud computing",
    "gcp": "google cloud cloud computing",
    "azure": "microsoft azure cloud computing",
    "ci/cd": "continuous integration continuous delivery",
    "cicd": "continuous integration continuous delivery",
    "devops": "devops",
    "ux": "user experience",
    "ui": "user interface",
    "qa": "quality assurance",
    "hr": "human resources",
    "crm": "customer relationship management",
    "erp": "enterprise resource planning",
    "seo": "search engine optimisation",
    "api": "application programming interface",
    "apis": "application programming interface",
    "rest": "restful api",
    "oop": "object-oriented programming",
    "tdd": "test-driven development",
    "excel": "spreadsheet software microsoft excel",
    "photoshop": "adobe photoshop",
    "git": "git version control",
    "linux": "linux operating system",
    "ios": "ios",
    "b2b": "business to business",
    "kpi": "key performance indicators",
    "kpis": "key performance indicators",
    "gdpr": "data protection",
    "cad": "computer-aided design",
    "bi": "business intelligence",
    "etl": "extract transform load data",
}

# A small hand-written glossary of Finnish and Swedish work words (lemma → English). Not ESCO data.
GLOSSARY: dict[str, dict[str, str]] = {
    "fi": {
        "ohjelmointi": "programming",
        "ohjelmoida": "programming",
        "ohjelmisto": "software",
        "kehitys": "development",
        "kehittäjä": "developer",
        "tietokanta": "database",
        "verkko": "network",
        "pilvi": "cloud",
        "testaus": "testing",
        "trukki": "forklift",
        "kortti": "licence",
        "ajaa": "drive",
        "kuorma-auto": "truck",
        "kuljetus": "transport",
        "varasto": "warehouse",
        "asiakas": "customer",
        "palvelu": "service",
        "asiakaspalvelu": "customer service",
        "myynti": "sales",
        "markkinointi": "marketing",
        "kirjanpito": "bookkeeping",
        "laskutus": "invoicing",
        "siivous": "cleaning",
        "siivota": "clean",
        "hitsaus": "welding",
        "hitsata": "weld",
        "sähkö": "electrical",
        "asennus": "installation",
        "rakennus": "construction",
        "maalaus": "painting",
        "ruoka": "food",
        "ruoanlaitto": "cooking",
        "kokki": "cook",
        "leipoa": "bake",
        "hoito": "care",
        "hoitaja": "nurse",
        "sairaanhoito": "nursing",
        "vanhus": "elderly",
        "lapsi": "children",
        "opetus": "teaching",
        "opettaa": "teach",
        "kieli": "language",
        "suomi": "finnish",
        "englanti": "english",
        "ruotsi": "swedish",
        "projekti": "project",
        "johtaminen": "management",
        "hallinta": "management",
        "tiimi": "team",
        "data-analyysi": "data analysis",
        "analyysi": "analysis",
        "tilasto": "statistics",
        "koneoppiminen": "machine learning",
        "tekoäly": "artificial intelligence",
        "suunnittelu": "design",
        "grafinen": "graphic",
        "turvallisuus": "safety",
        "ensiapu": "first aid",
        "viestintä": "communication",
        "käännös": "translation",
        "kääntää": "translate",
        "tulkkaus": "interpreting",
        "kone": "machine",
        "korjaus": "repair",
        "huolto": "maintenance",
        "auto": "vehicle",
        "ajoneuvo": "vehicle",
        "logistiikka": "logistics",
        "budjetti": "budget",
        "rekrytointi": "recruitment",
    },
    "sv": {
        "programmering": "programming",
        "programmera": "programming",
        "programvara": "software",
        "utveckling": "development",
        "utvecklare": "developer",
        "databas": "database",
        "nätverk": "network",
        "moln": "cloud",
        "testning": "testing",
        "truck": "forklift",
        "gaffeltruck": "forklift",
        "körkort": "driving licence",
        "köra": "drive",
        "lastbil": "truck",
        "transport": "transport",
        "lager": "warehouse",
        "kund": "customer",
        "tjänst": "service",
        "kundtjänst": "customer service",
        "service": "service",
        "försäljning": "sales",
        "marknadsföring": "marketing",
        "bokföring": "bookkeeping",
        "fakturering": "invoicing",
        "städning": "cleaning",
        "städa": "clean",
        "svetsning": "welding",
        "svetsa": "weld",
        "el": "electrical",
        "installation": "installation",
        "bygg": "construction",
        "målning": "painting",
        "mat": "food",
        "matlagning": "cooking",
        "kock": "cook",
        "baka": "bake",
        "vård": "care",
        "sjuksköterska": "nurse",
        "sjukvård": "nursing",
        "äldre": "elderly",
        "barn": "children",
        "undervisning": "teaching",
        "undervisa": "teach",
        "språk": "language",
        "finska": "finnish",
        "engelska": "english",
        "svenska": "swedish",
        "projekt": "project",
        "ledning": "management",
        "hantering": "management",
        "team": "team",
        "analys": "analysis",
        "statistik": "statistics",
        "maskininlärning": "machine learning",
        "design": "design",
        "säkerhet": "safety",
        "första hjälpen": "first aid",
        "kommunikation": "communication",
        "översättning": "translation",
        "översätta": "translate",
        "tolkning": "interpreting",
        "maskin": "machine",
        "reparation": "repair",
        "underhåll": "maintenance",
        "fordon": "vehicle",
        "logistik": "logistics",
        "budget": "budget",
        "rekrytering": "recruitment",
    },
}

_TOKEN = re.compile(r"[^\W_](?:[\w+#/\-.]*[\w+#])?", re.UNICODE)
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+|\s+[•·▪*-]\s+")
# English function words that carry no skill.
STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
        "we",
        "you",
        "your",
        "they",
        "who",
        "which",
        "what",
        "when",
        "where",
        "how",
        "all",
        "any",
        "can",
        "may",
        "must",
        "should",
        "would",
        "also",
        "etc",
        "i",
        "me",
        "my",
        "us",
        "he",
        "she",
        "them",
        "his",
        "her",
        "been",
        "being",
        "do",
        "does",
        "did",
        "not",
        "no",
        "so",
        "if",
        "than",
        "then",
        "there",
        "these",
        "those",
    ]
)


@dataclass(frozen=True)
class Token:
    surface: str  # the word as written in the text
    words: tuple[str, ...]  # English lemmas it stands for (after alias / glossary / lemmatiser)
    foreign: bool = False  # a word of a non-English text that no table knows (kept as written)


def split_sentences(text: str, max_words: int = 40) -> list[str]:
    """Split a long text into sentences, and over-long sentences into windows of max_words words."""
    out: list[str] = []
    for part in _SENTENCE.split(text):
        words = part.split()
        for i in range(0, len(words), max_words):
            chunk = " ".join(words[i : i + max_words]).strip()
            if chunk:
                out.append(chunk)
    return out


@lru_cache(maxsize=200_000)
def _lemma(word: str, lang: str) -> str:
    return simplemma.lemmatize(word, lang=lang).lower()


def _glossary(word: str, lang: str) -> str | None:
    table = GLOSSARY.get(lang)
    if not table:
        return None
    if word in table:
        return table[word]
    lemma = _lemma(word, lang)
    if lemma in table:
        return table[lemma]
    # Compound: the longest glossary word the token starts with, then the rest (itself lemmatised).
    for cut in range(len(word) - 3, 2, -1):
        head, tail = word[:cut], word[cut:]
        if head in table:
            rest = _glossary(tail, lang)
            if rest:
                return f"{table[head]} {rest}"
    return None


@lru_cache(maxsize=200_000)
def _token_words(word: str, lang: str, aliases: bool = True) -> tuple[str, ...]:
    if not aliases:
        lemma = _lemma(word.strip(".-/") or word, "en")
        return () if lemma in STOP or not lemma else (lemma,)
    bare = word.strip(".-/")
    english = ALIASES.get(word) or ALIASES.get(bare)
    if not english and lang != "en":
        english = _glossary(bare, lang)
    if english:
        return tuple(_lemma(w, "en") for w in english.split())
    if lang != "en":
        return (bare,)
    lemma = _lemma(bare, "en")
    if lemma in STOP or not lemma:
        return ()
    return (lemma,)


def tokens(text: str, lang: str = "en", *, aliases: bool = True) -> list[Token]:
    """The words of the text with the English lemmas each stands for (function words dropped)."""
    out = []
    for m in _TOKEN.finditer(text):
        surface = m.group(0)
        lower = surface.lower()
        parts = [surface]
        # Finnish and Swedish join a foreign name to a word by a hyphen ("Python-ohjelmointia").
        if lang != "en" and "-" in surface and lower not in ALIASES and lower not in GLOSSARY.get(lang, {}):
            parts = [p for p in surface.split("-") if p]
        for part in parts:
            low = part.lower()
            words = _token_words(low, lang, aliases)
            if words:
                foreign = lang != "en" and words == (low.strip(".-/"),) and low not in ALIASES
                out.append(Token(part, words, foreign))
    return out


def label_words(label: str) -> list[str]:
    """The lemmas of an (English) ESCO label, as text is treated but without the alias table."""
    return [w for t in tokens(label, "en", aliases=False) for w in t.words]


# --- Labels in other languages (ESCO's own fi, sv, … labels added at load time) ---------------------------

# Function words of Finnish and Swedish that carry no skill (a short list; TF-IDF discounts the rest).
NATIVE_STOP: dict[str, frozenset[str]] = {
    "fi": frozenset(
        [
            "ja",
            "tai",
            "on",
            "olen",
            "olla",
            "oli",
            "ollut",
            "olin",
            "olet",
            "ovat",
            "sekä",
            "että",
            "kun",
            "jos",
            "myös",
            "mutta",
            "vain",
            "minä",
            "sinä",
            "hän",
            "me",
            "te",
            "he",
            "se",
            "ne",
            "tämä",
            "tuo",
            "nämä",
            "ne",
            "joka",
            "jotka",
            "mikä",
            "mitä",
            "kanssa",
            "ei",
            "en",
            "eikä",
            "kuin",
            "niin",
            "jo",
            "vielä",
            "noin",
            "yli",
            "alle",
            "minulla",
            "minun",
            "meillä",
            "sen",
            "hyvä",
            "paljon",
        ]
    ),
    "sv": frozenset(
        [
            "och",
            "eller",
            "är",
            "var",
            "varit",
            "har",
            "hade",
            "jag",
            "du",
            "han",
            "hon",
            "vi",
            "ni",
            "de",
            "den",
            "det",
            "en",
            "ett",
            "som",
            "att",
            "med",
            "på",
            "i",
            "av",
            "för",
            "till",
            "om",
            "men",
            "också",
            "bara",
            "inte",
            "från",
            "vid",
            "hos",
            "min",
            "mitt",
            "mina",
            "vår",
            "vårt",
            "våra",
            "sig",
            "sin",
            "sitt",
            "sina",
            "mycket",
            "bra",
            "år",
        ]
    ),
}
COMPOUND_LANGS = frozenset({"fi", "sv"})
# Case endings stripped from a word the lemmatiser left unknown when the rest is a label word: foreign
# names inflect regularly ("Pythonilla", "SQL:ää", "Excelin"; "Excelet", "Javan" is left alone in sv).
SUFFIXES: dict[str, tuple[str, ...]] = {
    "fi": tuple(
        sorted(
            [
                "lla",
                "llä",
                "lta",
                "ltä",
                "lle",
                "ssa",
                "ssä",
                "sta",
                "stä",
                "ksi",
                "na",
                "nä",
                "n",
                "a",
                "ä",
                "ia",
                "iä",
                "in",
                "iin",
                "lla",
                "ista",
                "istä",
                "issa",
                "issä",
                "ita",
                "itä",
                "illa",
                "illä",
                "ille",
                "ilta",
                "iltä",
                "ina",
                "inä",
                "t",
            ],
            key=len,
            reverse=True,
        )
    ),
    "sv": ("erna", "arna", "orna", "en", "et", "er", "ar", "or", "na", "s"),
}


def _supported(lang: str) -> bool:
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES
    except ImportError:  # pragma: no cover - an older simplemma
        return lang in {"fi", "sv", "en", "de", "fr", "es", "it", "ru", "uk", "ar", "et", "nb", "da"}
    return lang in SUPPORTED_LANGUAGES


class NativeAnalyser:
    """The words of a text for one language's own ESCO labels: lower-cased word tokens, lemmatised with
    simplemma where it knows the language (a plain tokeniser elsewhere), function words of fi/sv dropped,
    and Finnish and Swedish compounds split into words the language's labels use ("asiakaspalvelussa" →
    asiakaspalvelu + asiakas + palvelu). The same analysis serves the labels and the query, so both sides
    meet on the same features. `fit(labels)` learns the compound lexicon from the labels themselves."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lemmatise = _supported(lang)
        self.stop = NATIVE_STOP.get(lang, frozenset())
        self.lexicon: frozenset[str] = frozenset()
        self._cache: dict[str, tuple[str, ...]] = {}

    def fit(self, labels: list[str]) -> NativeAnalyser:
        self._cache.clear()
        if self.lang in COMPOUND_LANGS:
            self.lexicon = frozenset(w for label in labels for w in self.lemmas(label) if len(w) >= 3)
        self._cache.clear()
        return self

    def _lemma(self, word: str) -> str:
        return _lemma(word, self.lang) if self.lemmatise else word

    def lemmas(self, text: str) -> list[str]:
        out = []
        for m in _TOKEN.finditer(text):
            for part in m.group(0).lower().split("-"):
                part = part.strip("./")
                if part and part not in self.stop:
                    lemma = self._lemma(part)
                    if lemma and lemma not in self.stop:
                        out.append(lemma)
        return out

    def _strip(self, word: str) -> str:
        for suffix in SUFFIXES.get(self.lang, ()):
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= 2 and stem in self.lexicon:
                return stem
        return word

    def _split(self, word: str) -> tuple[str, ...]:
        """A compound's two parts when both are label words (the tail may be inflected; a Swedish linking
        -s- is allowed), else ()."""
        lex = self.lexicon
        if len(word) < 6 or not lex:
            return ()
        for cut in range(len(word) - 3, 2, -1):
            head, tail = word[:cut], word[cut:]
            heads = [head] + ([head[:-1]] if self.lang == "sv" and head.endswith("s") else [])
            for h in heads:
                if h in lex:
                    t = tail if tail in lex else self._lemma(tail)
                    if t in lex:
                        return (h, t)
        return ()

    def words_of(self, word: str) -> tuple[str, ...]:
        found = self._cache.get(word)
        if found is None:
            lemma = self._lemma(word)
            if self.lexicon and lemma not in self.lexicon:
                lemma = self._strip(lemma.replace(":", ""))
            if not lemma or lemma in self.stop:
                found = ()
            elif self.lang in COMPOUND_LANGS:
                found = (lemma, *self._split(lemma))
            else:
                found = (lemma,)
            self._cache[word] = found
        return found

    def tokens(self, text: str) -> list[Token]:
        out = []
        for m in _TOKEN.finditer(text):
            for part in m.group(0).split("-"):
                low = part.lower().strip("./")
                if low and low not in self.stop:
                    words = self.words_of(low)
                    if words:
                        out.append(Token(part, words))
        return out

    def label_words(self, label: str) -> list[str]:
        return [w for t in self.tokens(label) for w in t.words]


# --- Occupation titles: the agent nouns of verbs ---------------------------------------------------------


def agent_nouns(lemma: str) -> tuple[str, ...]:
    """The agent nouns an English verb lemma may have (`drive` → driver, `operate` → operator, `clean` →
    cleaner, `program` → programmer, `edit` → editor). A CV says what the person did ("I drove a
    forklift", "cleaned offices"); an occupation's title is the agent noun ("forklift driver",
    "cleaner"). The caller keeps the candidates that are words of occupation titles."""
    if len(lemma) < 4 or not lemma.isalpha():
        return ()
    if lemma.endswith("e"):
        return (lemma + "r", lemma[:-1] + "or")
    return (lemma + "er", lemma + "or", lemma + lemma[-1] + "er")
