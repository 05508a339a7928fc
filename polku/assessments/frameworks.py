"""The European competence frameworks a participant assesses themself on, as plain data.

DigComp 2.2 (the Digital Competence Framework for Citizens, JRC 2022) and EntreComp (the
Entrepreneurship Competence Framework, JRC 2016; versioned here as 1.0). The framework texts are
official texts, so they live here in fi, sv and en rather than in the gettext catalogues: the English
names are the official ones, the Finnish and Swedish names follow the established translations. The
one-line descriptions and the level statements are Polku's plain-language summaries, written for
readers whose third language the page may be in.

Other apps reference a competence by a stable code ``<framework>-<version>:<number>``, e.g.
``digcomp-2.2:1.1`` or ``entrecomp-1.0:3.5``. No Django import: the module is used by the engine-free
delta computation (``polku.assessments.progress``) and by other apps' data.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

LANGUAGES = ("fi", "sv", "en")
LEVELS = tuple(range(1, 9))


@dataclass(frozen=True)
class Text:
    """One text in Finnish, Swedish and English."""

    fi: str
    sv: str
    en: str

    def get(self, lang: str | None) -> str:
        """The text in ``lang`` ("fi", "sv", "en", or a regional variant such as "en-gb"); English otherwise."""
        short = (lang or "en").split("-")[0].lower()
        value = getattr(self, short, "") if short in LANGUAGES else ""
        return value or self.en

    def __str__(self) -> str:  # English, for logs and admin
        return self.en


@dataclass(frozen=True)
class Band:
    code: str  # "foundation", "intermediate", "advanced", "highly-specialised" / "expert"
    name: Text


@dataclass(frozen=True)
class Level:
    number: int  # 1–8
    band: Band
    name: Text  # the framework's own name of the level ("Level 1", "Discover", …)
    statement: Text  # "I can …": what a participant chooses


@dataclass(frozen=True)
class Competence:
    code: str  # "digcomp-2.2:1.1"
    number: str  # "1.1"
    area_number: int
    name: Text
    description: Text
    framework_key: str  # "digcomp-2.2"


@dataclass(frozen=True)
class Area:
    number: int
    name: Text
    competences: tuple[Competence, ...]

    @property
    def code(self) -> str:
        return f"{self.competences[0].framework_key}:{self.number}"


@dataclass(frozen=True)
class Framework:
    code: str  # "digcomp"
    version: str  # "2.2"
    name: Text
    source: str  # the publication, in English
    areas: tuple[Area, ...]
    levels: tuple[Level, ...]

    @property
    def key(self) -> str:
        return f"{self.code}-{self.version}"

    @property
    def competences(self) -> tuple[Competence, ...]:
        return tuple(c for area in self.areas for c in area.competences)

    def area(self, number: int) -> Area:
        for area in self.areas:
            if area.number == number:
                return area
        raise KeyError(f"{self.key} has no area {number}")

    def level(self, number: int) -> Level:
        return self.levels[number - 1]

    @property
    def bands(self) -> tuple[Band, ...]:
        seen: list[Band] = []
        for level in self.levels:
            if level.band not in seen:
                seen.append(level.band)
        return tuple(seen)


def _framework(
    *,
    code: str,
    version: str,
    name: Text,
    source: str,
    areas: list[tuple[Text, list[tuple[Text, Text]]]],
    levels: list[tuple[Band, Text, Text]],
) -> Framework:
    key = f"{code}-{version}"
    built: list[Area] = []
    for a_index, (area_name, comps) in enumerate(areas, start=1):
        built.append(
            Area(
                number=a_index,
                name=area_name,
                competences=tuple(
                    Competence(
                        code=f"{key}:{a_index}.{c_index}",
                        number=f"{a_index}.{c_index}",
                        area_number=a_index,
                        name=c_name,
                        description=c_desc,
                        framework_key=key,
                    )
                    for c_index, (c_name, c_desc) in enumerate(comps, start=1)
                ),
            )
        )
    return Framework(
        code=code,
        version=version,
        name=name,
        source=source,
        areas=tuple(built),
        levels=tuple(
            Level(number=n, band=band, name=level_name, statement=statement)
            for n, (band, level_name, statement) in enumerate(levels, start=1)
        ),
    )


T = Text

# --- DigComp 2.2 -------------------------------------------------------------------------------------

_DC_FOUNDATION = Band("foundation", T("Perustaso", "Grundläggande nivå", "Foundation"))
_DC_INTERMEDIATE = Band("intermediate", T("Keskitaso", "Medelnivå", "Intermediate"))
_DC_ADVANCED = Band("advanced", T("Edistynyt taso", "Avancerad nivå", "Advanced"))
_DC_HIGHLY = Band(
    "highly-specialised", T("Erittäin erikoistunut taso", "Högt specialiserad nivå", "Highly specialised")
)

DIGCOMP_2_2 = _framework(
    code="digcomp",
    version="2.2",
    name=T(
        "DigComp 2.2 – kansalaisten digitaalisen osaamisen viitekehys",
        "DigComp 2.2 – referensram för medborgarnas digitala kompetens",
        "DigComp 2.2 – The Digital Competence Framework for Citizens",
    ),
    source="Vuorikari, R., Kluzer, S. and Punie, Y., DigComp 2.2, JRC128415, Publications Office of the EU, 2022",
    areas=[
        (
            T(
                "Informaatio- ja datalukutaito",
                "Informations- och datakompetens",
                "Information and data literacy",
            ),
            [
                (
                    T(
                        "Datan, tiedon ja digitaalisen sisällön selaaminen, hakeminen ja suodattaminen",
                        "Bläddra i, söka och filtrera data, information och digitalt innehåll",
                        "Browsing, searching and filtering data, information and digital content",
                    ),
                    T(
                        "Löydän tarvitsemani tiedon verkosta ja rajaan hakua.",
                        "Jag hittar den information jag behöver på nätet och kan avgränsa sökningen.",
                        "I find the information I need online and narrow down my search.",
                    ),
                ),
                (
                    T(
                        "Datan, tiedon ja digitaalisen sisällön arvioiminen",
                        "Utvärdera data, information och digitalt innehåll",
                        "Evaluating data, information and digital content",
                    ),
                    T(
                        "Arvioin, onko verkossa oleva tieto luotettavaa.",
                        "Jag bedömer om information på nätet är tillförlitlig.",
                        "I judge whether information online can be trusted.",
                    ),
                ),
                (
                    T(
                        "Datan, tiedon ja digitaalisen sisällön hallinta",
                        "Hantera data, information och digitalt innehåll",
                        "Managing data, information and digital content",
                    ),
                    T(
                        "Tallennan ja järjestän tiedostoja ja tietoja niin, että löydän ne myöhemmin.",
                        "Jag sparar och ordnar filer och uppgifter så att jag hittar dem senare.",
                        "I save and organise files and data so that I can find them later.",
                    ),
                ),
            ],
        ),
        (
            T("Viestintä ja yhteistyö", "Kommunikation och samarbete", "Communication and collaboration"),
            [
                (
                    T(
                        "Vuorovaikutus digitaalisten teknologioiden avulla",
                        "Interagera genom digital teknik",
                        "Interacting through digital technologies",
                    ),
                    T(
                        "Viestin muiden kanssa sähköpostilla, viesteillä ja videopuheluilla.",
                        "Jag kommunicerar med andra via e-post, meddelanden och videosamtal.",
                        "I communicate with others by e-mail, messages and video calls.",
                    ),
                ),
                (
                    T(
                        "Jakaminen digitaalisten teknologioiden avulla",
                        "Dela genom digital teknik",
                        "Sharing through digital technologies",
                    ),
                    T(
                        "Jaan tiedostoja ja tietoa muille ja kerron, mistä tieto on peräisin.",
                        "Jag delar filer och information med andra och anger var informationen kommer ifrån.",
                        "I share files and information with others and say where the information comes from.",
                    ),
                ),
                (
                    T(
                        "Kansalaisena toimiminen digitaalisten teknologioiden avulla",
                        "Delta i samhället genom digital teknik",
                        "Engaging in citizenship through digital technologies",
                    ),
                    T(
                        "Käytän julkisia verkkopalveluja ja osallistun yhteiskuntaan verkossa.",
                        "Jag använder offentliga e-tjänster och deltar i samhället på nätet.",
                        "I use public online services and take part in society online.",
                    ),
                ),
                (
                    T(
                        "Yhteistyö digitaalisten teknologioiden avulla",
                        "Samarbeta genom digital teknik",
                        "Collaborating through digital technologies",
                    ),
                    T(
                        "Teen töitä yhdessä muiden kanssa yhteisillä digitaalisilla työkaluilla.",
                        "Jag arbetar tillsammans med andra med gemensamma digitala verktyg.",
                        "I work together with others using shared digital tools.",
                    ),
                ),
                (
                    T("Verkkoetiketti", "Nätetikett", "Netiquette"),
                    T(
                        "Käyttäydyn verkossa asiallisesti ja otan muut huomioon.",
                        "Jag uppför mig sakligt på nätet och tar hänsyn till andra.",
                        "I behave politely online and respect other people.",
                    ),
                ),
                (
                    T(
                        "Digitaalisen identiteetin hallinta",
                        "Hantera digital identitet",
                        "Managing digital identity",
                    ),
                    T(
                        "Päätän, mitä itsestäni näkyy verkossa, ja suojaan maineeni.",
                        "Jag bestämmer vad som syns om mig på nätet och skyddar mitt rykte.",
                        "I decide what others see about me online and protect my reputation.",
                    ),
                ),
            ],
        ),
        (
            T("Digitaalisen sisällön luominen", "Skapande av digitalt innehåll", "Digital content creation"),
            [
                (
                    T(
                        "Digitaalisen sisällön kehittäminen",
                        "Utveckla digitalt innehåll",
                        "Developing digital content",
                    ),
                    T(
                        "Teen tekstejä, kuvia ja esityksiä tietokoneella tai puhelimella.",
                        "Jag gör texter, bilder och presentationer på dator eller telefon.",
                        "I make texts, pictures and presentations on a computer or phone.",
                    ),
                ),
                (
                    T(
                        "Digitaalisen sisällön yhdistäminen ja uudelleen muokkaaminen",
                        "Integrera och bearbeta digitalt innehåll",
                        "Integrating and re-elaborating digital content",
                    ),
                    T(
                        "Muokkaan ja yhdistelen olemassa olevaa sisältöä uudeksi.",
                        "Jag redigerar och kombinerar befintligt innehåll till något nytt.",
                        "I edit and combine existing content into something new.",
                    ),
                ),
                (
                    T("Tekijänoikeudet ja lisenssit", "Upphovsrätt och licenser", "Copyright and licences"),
                    T(
                        "Tiedän, mitä verkosta löytyvää sisältöä saan käyttää ja miten.",
                        "Jag vet vilket innehåll från nätet jag får använda och hur.",
                        "I know which content from the internet I may use, and how.",
                    ),
                ),
                (
                    T("Ohjelmointi", "Programmering", "Programming"),
                    T(
                        "Annan tietokoneelle ohjeita, jotka se suorittaa vaihe vaiheelta.",
                        "Jag ger datorn instruktioner som den utför steg för steg.",
                        "I give a computer instructions that it carries out step by step.",
                    ),
                ),
            ],
        ),
        (
            T("Turvallisuus", "Säkerhet", "Safety"),
            [
                (
                    T("Laitteiden suojaaminen", "Skydda enheter", "Protecting devices"),
                    T(
                        "Suojaan puhelimeni ja tietokoneeni salasanoilla ja päivityksillä.",
                        "Jag skyddar min telefon och dator med lösenord och uppdateringar.",
                        "I protect my phone and computer with passwords and updates.",
                    ),
                ),
                (
                    T(
                        "Henkilötietojen ja yksityisyyden suojaaminen",
                        "Skydda personuppgifter och integritet",
                        "Protecting personal data and privacy",
                    ),
                    T(
                        "Päätän, kenelle annan henkilötietojani, ja tunnistan huijaukset.",
                        "Jag bestämmer vem som får mina personuppgifter och känner igen bedrägerier.",
                        "I decide who gets my personal data and I recognise scams.",
                    ),
                ),
                (
                    T(
                        "Terveyden ja hyvinvoinnin suojaaminen",
                        "Skydda hälsa och välbefinnande",
                        "Protecting health and well-being",
                    ),
                    T(
                        "Käytän laitteita niin, ettei terveyteni tai hyvinvointini kärsi.",
                        "Jag använder enheter så att min hälsa och mitt välbefinnande inte tar skada.",
                        "I use devices in a way that does not harm my health or well-being.",
                    ),
                ),
                (
                    T("Ympäristön suojeleminen", "Skydda miljön", "Protecting the environment"),
                    T(
                        "Tiedän, miten laitteiden käyttö vaikuttaa ympäristöön, ja toimin sen mukaan.",
                        "Jag vet hur användningen av enheter påverkar miljön och agerar därefter.",
                        "I know how using devices affects the environment, and I act on it.",
                    ),
                ),
            ],
        ),
        (
            T("Ongelmanratkaisu", "Problemlösning", "Problem solving"),
            [
                (
                    T(
                        "Teknisten ongelmien ratkaiseminen",
                        "Lösa tekniska problem",
                        "Solving technical problems",
                    ),
                    T(
                        "Selvitän, mikä laitteessa tai sovelluksessa on vialla, ja korjaan sen.",
                        "Jag tar reda på vad som är fel med en enhet eller app och åtgärdar det.",
                        "I find out what is wrong with a device or app, and fix it.",
                    ),
                ),
                (
                    T(
                        "Tarpeiden ja teknologisten ratkaisujen tunnistaminen",
                        "Identifiera behov och tekniska lösningar",
                        "Identifying needs and technological responses",
                    ),
                    T(
                        "Valitsen tarpeeseeni sopivan sovelluksen tai laitteen.",
                        "Jag väljer en app eller enhet som passar mitt behov.",
                        "I choose an app or device that fits what I need.",
                    ),
                ),
                (
                    T(
                        "Digitaalisten teknologioiden luova käyttö",
                        "Kreativ användning av digital teknik",
                        "Creatively using digital technologies",
                    ),
                    T(
                        "Käytän digitaalisia työkaluja uusien ratkaisujen keksimiseen.",
                        "Jag använder digitala verktyg för att hitta nya lösningar.",
                        "I use digital tools to come up with new solutions.",
                    ),
                ),
                (
                    T(
                        "Digitaalisen osaamisen puutteiden tunnistaminen",
                        "Identifiera brister i den digitala kompetensen",
                        "Identifying digital competence gaps",
                    ),
                    T(
                        "Tiedän, mitä digitaitoja minun pitää vielä oppia, ja opettelen niitä.",
                        "Jag vet vilka digitala färdigheter jag behöver lära mig och övar på dem.",
                        "I know which digital skills I still need to learn, and I learn them.",
                    ),
                ),
            ],
        ),
    ],
    levels=[
        (
            _DC_FOUNDATION,
            T("Taso 1", "Nivå 1", "Level 1"),
            T(
                "Osaan tehdä yksinkertaisia asioita, kun joku auttaa minua.",
                "Jag kan göra enkla saker när någon hjälper mig.",
                "I can do simple things when someone helps me.",
            ),
        ),
        (
            _DC_FOUNDATION,
            T("Taso 2", "Nivå 2", "Level 2"),
            T(
                "Osaan tehdä yksinkertaisia asioita itse ja pyydän apua tarvittaessa.",
                "Jag kan göra enkla saker själv och ber om hjälp när jag behöver.",
                "I can do simple things myself and ask for help when I need it.",
            ),
        ),
        (
            _DC_INTERMEDIATE,
            T("Taso 3", "Nivå 3", "Level 3"),
            T(
                "Osaan tehdä tavalliset tehtävät ja ratkaista helpot ongelmat itse.",
                "Jag kan göra vanliga uppgifter och lösa enkla problem själv.",
                "I can do everyday tasks and solve easy problems on my own.",
            ),
        ),
        (
            _DC_INTERMEDIATE,
            T("Taso 4", "Nivå 4", "Level 4"),
            T(
                "Osaan valita itse, miten teen tehtävän, myös uudessa tilanteessa.",
                "Jag kan själv välja hur jag gör en uppgift, också i en ny situation.",
                "I can choose myself how to do a task, also in a new situation.",
            ),
        ),
        (
            _DC_ADVANCED,
            T("Taso 5", "Nivå 5", "Level 5"),
            T(
                "Osaan tehdä monenlaisia tehtäviä ja neuvoa muita.",
                "Jag kan göra många olika uppgifter och hjälpa andra.",
                "I can do many different tasks and help other people.",
            ),
        ),
        (
            _DC_ADVANCED,
            T("Taso 6", "Nivå 6", "Level 6"),
            T(
                "Osaan valita parhaan tavan vaikeissa tilanteissa ja opettaa muita.",
                "Jag kan välja det bästa sättet i svåra situationer och lära andra.",
                "I can choose the best way in difficult situations and teach others.",
            ),
        ),
        (
            _DC_HIGHLY,
            T("Taso 7", "Nivå 7", "Level 7"),
            T(
                "Osaan ratkaista monimutkaisia ongelmia ja ohjata muita työssä.",
                "Jag kan lösa komplicerade problem och leda andra i arbetet.",
                "I can solve complicated problems and guide others at work.",
            ),
        ),
        (
            _DC_HIGHLY,
            T("Taso 8", "Nivå 8", "Level 8"),
            T(
                "Osaan ratkaista erittäin vaikeita ongelmia ja kehittää alalle uusia tapoja toimia.",
                "Jag kan lösa mycket svåra problem och utveckla nya arbetssätt inom området.",
                "I can solve very hard problems and create new ways of working in the field.",
            ),
        ),
    ],
)

# --- EntreComp ---------------------------------------------------------------------------------------

_EC_FOUNDATION = Band("foundation", T("Perustaso", "Grundläggande nivå", "Foundation"))
_EC_INTERMEDIATE = Band("intermediate", T("Keskitaso", "Medelnivå", "Intermediate"))
_EC_ADVANCED = Band("advanced", T("Edistynyt taso", "Avancerad nivå", "Advanced"))
_EC_EXPERT = Band("expert", T("Asiantuntijataso", "Expertnivå", "Expert"))

ENTRECOMP_1_0 = _framework(
    code="entrecomp",
    version="1.0",
    name=T(
        "EntreComp – yrittäjyysosaamisen viitekehys",
        "EntreComp – referensram för entreprenöriell kompetens",
        "EntreComp – The Entrepreneurship Competence Framework",
    ),
    source="Bacigalupo, M., Kampylis, P., Punie, Y. and Van den Brande, G., EntreComp, JRC101581, "
    "Publications Office of the EU, 2016",
    areas=[
        (
            T("Ideat ja mahdollisuudet", "Idéer och möjligheter", "Ideas and opportunities"),
            [
                (
                    T("Mahdollisuuksien tunnistaminen", "Upptäcka möjligheter", "Spotting opportunities"),
                    T(
                        "Huomaan tarpeita ja tilaisuuksia, joista voi syntyä jotain arvokasta.",
                        "Jag ser behov och tillfällen som något värdefullt kan komma ur.",
                        "I notice needs and chances that something valuable can come from.",
                    ),
                ),
                (
                    T("Luovuus", "Kreativitet", "Creativity"),
                    T(
                        "Keksin uusia ideoita ja ratkaisuja.",
                        "Jag kommer på nya idéer och lösningar.",
                        "I come up with new ideas and solutions.",
                    ),
                ),
                (
                    T("Visio", "Vision", "Vision"),
                    T(
                        "Kuvittelen, millaisen tulevaisuuden haluan, ja suunnittelen sitä kohti.",
                        "Jag föreställer mig vilken framtid jag vill ha och planerar mot den.",
                        "I imagine the future I want and plan towards it.",
                    ),
                ),
                (
                    T("Ideoiden arvottaminen", "Värdera idéer", "Valuing ideas"),
                    T(
                        "Arvioin, mitä hyötyä ideasta on, ja suojaan omat ideani.",
                        "Jag bedömer vilken nytta en idé har och skyddar mina egna idéer.",
                        "I judge what an idea is worth and protect my own ideas.",
                    ),
                ),
                (
                    T(
                        "Eettinen ja kestävä ajattelu",
                        "Etiskt och hållbart tänkande",
                        "Ethical and sustainable thinking",
                    ),
                    T(
                        "Mietin, miten tekemiseni vaikuttaa ihmisiin ja ympäristöön.",
                        "Jag tänker på hur det jag gör påverkar människor och miljön.",
                        "I think about how what I do affects people and the environment.",
                    ),
                ),
            ],
        ),
        (
            T("Resurssit", "Resurser", "Resources"),
            [
                (
                    T(
                        "Itsetuntemus ja pystyvyys",
                        "Självkännedom och självförtroende",
                        "Self-awareness and self-efficacy",
                    ),
                    T(
                        "Tunnen vahvuuteni ja heikkouteni ja uskon, että pystyn vaikuttamaan.",
                        "Jag känner mina styrkor och svagheter och tror att jag kan påverka.",
                        "I know my strengths and weaknesses and believe I can make a difference.",
                    ),
                ),
                (
                    T(
                        "Motivaatio ja sinnikkyys",
                        "Motivation och uthållighet",
                        "Motivation and perseverance",
                    ),
                    T(
                        "Pysyn tavoitteessani, vaikka tulee vaikeuksia.",
                        "Jag håller fast vid mitt mål även när det blir svårt.",
                        "I keep going towards my goal even when things get hard.",
                    ),
                ),
                (
                    T("Resurssien hankkiminen", "Mobilisera resurser", "Mobilising resources"),
                    T(
                        "Hankin tarvitsemani aineelliset ja muut resurssit ja käytän niitä järkevästi.",
                        "Jag skaffar de materiella och andra resurser jag behöver och använder dem klokt.",
                        "I get the materials and other resources I need and use them wisely.",
                    ),
                ),
                (
                    T(
                        "Talous- ja rahoitusosaaminen",
                        "Ekonomisk och finansiell kunskap",
                        "Financial and economic literacy",
                    ),
                    T(
                        "Lasken kustannuksia, teen budjetin ja ymmärrän rahoituksen perusteet.",
                        "Jag räknar kostnader, gör en budget och förstår grunderna i finansiering.",
                        "I work out costs, make a budget and understand the basics of funding.",
                    ),
                ),
                (
                    T("Muiden innostaminen", "Mobilisera andra", "Mobilising others"),
                    T(
                        "Saan muut mukaan ja innostan heitä tukemaan ideaani.",
                        "Jag får med andra och inspirerar dem att stödja min idé.",
                        "I get others on board and inspire them to support my idea.",
                    ),
                ),
            ],
        ),
        (
            T("Toimintaan", "Till handling", "Into action"),
            [
                (
                    T("Aloitteellisuus", "Ta initiativ", "Taking the initiative"),
                    T(
                        "Ryhdyn toimeen itse enkä jää odottamaan muita.",
                        "Jag sätter igång själv och väntar inte på andra.",
                        "I get started myself and do not wait for others.",
                    ),
                ),
                (
                    T("Suunnittelu ja johtaminen", "Planering och ledning", "Planning and management"),
                    T(
                        "Asetan tavoitteita, teen suunnitelman ja seuraan, miten se etenee.",
                        "Jag sätter mål, gör en plan och följer hur den går framåt.",
                        "I set goals, make a plan and follow how it is going.",
                    ),
                ),
                (
                    T(
                        "Epävarmuuden, monitulkintaisuuden ja riskien käsittely",
                        "Hantera osäkerhet, tvetydighet och risk",
                        "Coping with uncertainty, ambiguity and risk",
                    ),
                    T(
                        "Teen päätöksiä, vaikka kaikkea ei tiedetä, ja arvioin riskit.",
                        "Jag fattar beslut även när allt inte är känt och bedömer riskerna.",
                        "I make decisions even when not everything is known, and weigh the risks.",
                    ),
                ),
                (
                    T("Yhteistyö muiden kanssa", "Arbeta med andra", "Working with others"),
                    T(
                        "Teen yhteistyötä erilaisten ihmisten kanssa ja ratkaisen ristiriitoja.",
                        "Jag samarbetar med olika människor och löser konflikter.",
                        "I work with different people and sort out disagreements.",
                    ),
                ),
                (
                    T("Kokemuksen kautta oppiminen", "Lära genom erfarenhet", "Learning through experience"),
                    T(
                        "Opin onnistumisista ja epäonnistumisista ja teen seuraavalla kerralla paremmin.",
                        "Jag lär mig av framgångar och misslyckanden och gör bättre nästa gång.",
                        "I learn from what went well and what did not, and do better next time.",
                    ),
                ),
            ],
        ),
    ],
    levels=[
        (
            _EC_FOUNDATION,
            T("Tutustu", "Upptäck", "Discover"),
            T(
                "Olen vasta tutustumassa tähän, ja tarvitsen muiden tukea.",
                "Jag håller just på att lära känna det här och behöver stöd från andra.",
                "I am just getting to know this, and I need support from others.",
            ),
        ),
        (
            _EC_FOUNDATION,
            T("Tutki", "Utforska", "Explore"),
            T(
                "Kokeilen tätä opettajan tai ohjaajan tuella.",
                "Jag provar det här med stöd av en lärare eller handledare.",
                "I try this out with support from a teacher or coach.",
            ),
        ),
        (
            _EC_INTERMEDIATE,
            T("Kokeile", "Experimentera", "Experiment"),
            T(
                "Teen tätä yhdessä muiden kanssa ja osittain itsenäisesti.",
                "Jag gör det här tillsammans med andra och delvis självständigt.",
                "I do this together with others and partly on my own.",
            ),
        ),
        (
            _EC_INTERMEDIATE,
            T("Uskalla", "Våga", "Dare"),
            T(
                "Teen tätä itsenäisesti ja otan siitä vastuuta.",
                "Jag gör det här självständigt och tar ansvar för det.",
                "I do this on my own and take responsibility for it.",
            ),
        ),
        (
            _EC_ADVANCED,
            T("Kehitä", "Förbättra", "Improve"),
            T(
                "Vastaan päätöksistä ja teen niitä yhdessä muiden kanssa.",
                "Jag ansvarar för beslut och fattar dem tillsammans med andra.",
                "I am responsible for decisions and make them together with others.",
            ),
        ),
        (
            _EC_ADVANCED,
            T("Vahvista", "Förstärk", "Reinforce"),
            T(
                "Teen tätä muiden kanssa myös vaikeissa ja muuttuvissa tilanteissa.",
                "Jag gör det här med andra även i svåra och föränderliga situationer.",
                "I do this with others, also in difficult and changing situations.",
            ),
        ),
        (
            _EC_EXPERT,
            T("Laajenna", "Expandera", "Expand"),
            T(
                "Johdan muita ja kasvatan toimintaa, joka luo arvoa.",
                "Jag leder andra och får en värdeskapande verksamhet att växa.",
                "I lead others and grow an activity that creates value.",
            ),
        ),
        (
            _EC_EXPERT,
            T("Uudista", "Förändra", "Transform"),
            T(
                "Muutan tapoja toimia omalla alallani ja luon jotain aivan uutta.",
                "Jag förändrar arbetssätten inom mitt område och skapar något helt nytt.",
                "I change how things are done in my field and create something completely new.",
            ),
        ),
    ],
)

# --- Registry ----------------------------------------------------------------------------------------

FRAMEWORKS: Mapping[str, Framework] = MappingProxyType({f.key: f for f in (DIGCOMP_2_2, ENTRECOMP_1_0)})
# The version a new self-assessment uses, per framework code.
CURRENT: Mapping[str, str] = MappingProxyType({"digcomp": DIGCOMP_2_2.key, "entrecomp": ENTRECOMP_1_0.key})
_COMPETENCES: Mapping[str, Competence] = MappingProxyType(
    {c.code: c for f in FRAMEWORKS.values() for c in f.competences}
)


def framework(code: str) -> Framework:
    """A framework by key ("digcomp-2.2") or by code for its current version ("digcomp"); KeyError otherwise."""
    key = CURRENT.get(code, code)
    try:
        return FRAMEWORKS[key]
    except KeyError:
        raise KeyError(f"unknown framework {code!r}") from None


def competence(code: str) -> Competence:
    """A competence by its stable code ("digcomp-2.2:1.1"); KeyError otherwise."""
    try:
        return _COMPETENCES[code]
    except KeyError:
        raise KeyError(f"unknown competence {code!r}") from None


def all_competences() -> tuple[Competence, ...]:
    """Every competence of every framework, in framework and number order."""
    return tuple(_COMPETENCES.values())


def is_competence_code(code: str) -> bool:
    return code in _COMPETENCES


def iter_texts() -> Iterator[tuple[str, Text]]:
    """(where, text) for every text in the data, for completeness checks."""
    for f in FRAMEWORKS.values():
        yield f"{f.key} name", f.name
        for area in f.areas:
            yield f"{f.key} area {area.number}", area.name
            for c in area.competences:
                yield f"{c.code} name", c.name
                yield f"{c.code} description", c.description
        for level in f.levels:
            yield f"{f.key} level {level.number} name", level.name
            yield f"{f.key} level {level.number} statement", level.statement
            yield f"{f.key} level {level.number} band", level.band.name
