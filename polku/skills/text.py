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
