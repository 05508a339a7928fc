"""Finnish and Swedish texts of the outcomes catalogue: `python polku/outcomes/locale/translations.py`
fills the .po files (strings the project catalogue already translates are taken from there)."""

T = {
    "Whether the situation applied within four weeks of exit (ESF+ immediate results)": (
        "Oliko tilanne voimassa neljän viikon kuluessa päättymisestä (ESR+-välittömät tulokset)",
        "Om situationen gällde inom fyra veckor efter avslutningen (ESF+ omedelbara resultat)",
    ),
    "The situation at exit. A staff member's read is written to the audit log.": (
        "Tilanne osallistumisen päättyessä. Henkilöstön lukukerta kirjataan tarkastuslokiin.",
        "Situationen vid avslutningen. När personal läser den registreras det i granskningsloggen.",
    ),
    'Record the exit date and the situation at exit (the last exit counts). A coordinator sets the date; the participant gives their situation for the date already recorded. "declined" is prefer not to answer.': (
        'Kirjaa päättymispäivä ja tilanne päättyessä (viimeisin päättyminen ratkaisee). Koordinaattori antaa päivän; osallistuja kertoo tilanteensa jo kirjatulle päivälle. "declined" tarkoittaa, ettei halua vastata.',
        'Registrera slutdatum och situationen vid avslutningen (den senaste avslutningen gäller). Koordinatorn anger datumet; deltagaren uppger sin situation för det redan registrerade datumet. "declined" betyder vill inte svara.',
    ),
    "Re-entry: a coordinator clears the exit date; the exit record stays until the next exit.": (
        "Paluu: koordinaattori poistaa päättymispäivän; päättymistiedot säilyvät seuraavaan päättymiseen asti.",
        "Återinträde: koordinatorn tar bort slutdatumet; avslutningsuppgifterna finns kvar till nästa avslutning.",
    ),
    "The six-month follow-up. A staff member's read is written to the audit log.": (
        "Kuuden kuukauden seuranta. Henkilöstön lukukerta kirjataan tarkastuslokiin.",
        "Uppföljningen efter sex månader. När personal läser den registreras det i granskningsloggen.",
    ),
    "A coordinator records the follow-up answers (created when missing). The improvement questions only for those employed or self-employed at entry.": (
        "Koordinaattori kirjaa seurannan vastaukset (seuranta luodaan, jos sitä ei ole). Kysymykset tilanteen paranemisesta vain niille, jotka olivat aloittaessaan työssä tai yrittäjinä.",
        "Koordinatorn registrerar uppföljningens svar (uppföljningen skapas om den saknas). Frågorna om förbättrad situation bara för dem som var i arbete eller egenföretagare vid starten.",
    ),
    "Follow-ups of the coordinator's partners' participants: due date, status, reminders.": (
        "Koordinaattorin osatoteuttajien osallistujien seurannat: eräpäivä, tila, muistutukset.",
        "Uppföljningar av deltagarna hos koordinatorns partner: förfallodag, status, påminnelser.",
    ),
    "Only coordinators can see follow-ups.": (
        "Vain koordinaattorit näkevät seurannat.",
        "Bara koordinatorer ser uppföljningarna.",
    ),
    "A participation's outcomes, newest first.": (
        "Osallistumisen tulokset, uusin ensin.",
        "Deltagandets resultat, nyaste först.",
    ),
    "Record an outcome. A company founded needs a valid Finnish business ID or a Swedish or Norwegian organisation number.": (
        "Kirjaa tulos. Perustetulle yritykselle tarvitaan kelvollinen Y-tunnus tai ruotsalainen tai norjalainen organisaationumero.",
        "Registrera ett resultat. Ett grundat företag behöver ett giltigt finskt FO-nummer eller ett svenskt eller norskt organisationsnummer.",
    ),
    "Change an outcome; a participant only those they recorded themselves.": (
        "Muuta tulosta; osallistuja vain itse kirjaamiaan.",
        "Ändra ett resultat; en deltagare bara sådana hen själv registrerat.",
    ),
    "Outcomes": ("Tulokset", "Resultat"),
    "Situation at exit": ("Tilanne päättyessä", "Situation vid avslutningen"),
    "Situation on": ("Tilanne päivänä", "Situationen den"),
    "The day the situation applied; the exit date when left empty. Counted within four weeks.": (
        "Päivä, jona tilanne oli voimassa; tyhjänä päättymispäivä. Lasketaan neljän viikon sisällä.",
        "Dagen då situationen gällde; slutdatumet om fältet lämnas tomt. Räknas inom fyra veckor.",
    ),
    "Gained a qualification thanks to the project": (
        "Sai tutkinnon tai pätevyyden hankkeen ansiosta",
        "Fick en examen eller behörighet tack vare projektet",
    ),
    "Recorded by your coordinator.": ("Koordinaattorisi kirjaama.", "Registrerat av din koordinator."),
    "Your situation now": ("Tilanteesi nyt", "Din situation nu"),
    "Have you moved to a permanent contract?": (
        "Oletko siirtynyt vakituiseen työsuhteeseen?",
        "Har du fått en fast anställning?",
    ),
    "Have you moved to full-time work?": (
        "Oletko siirtynyt kokoaikatyöhön?",
        "Har du gått över till heltidsarbete?",
    ),
    "Have you moved to a more demanding job or been promoted?": (
        "Oletko siirtynyt vaativampiin tehtäviin tai saanut ylennyksen?",
        "Har du fått mer krävande arbetsuppgifter eller blivit befordrad?",
    ),
    "For a company founded: a Finnish business ID (1234567-8) or a Swedish or Norwegian organisation number": (
        "Perustetulle yritykselle: Y-tunnus (1234567-8) tai ruotsalainen tai norjalainen organisaationumero",
        "För ett grundat företag: ett finskt FO-nummer (1234567-8) eller ett svenskt eller norskt organisationsnummer",
    ),
    "The participant": ("Osallistuja", "Deltagaren"),
    "A coordinator": ("Koordinaattori", "En koordinator"),
    "An import": ("Tuonti", "En import"),
    "In education or training": ("Opiskelee tai on koulutuksessa", "Studerar eller går en utbildning"),
    "Employed, including apprenticeship": (
        "Työssä, myös oppisopimuskoulutuksessa",
        "I arbete, även läroavtalsutbildning",
    ),
    "None of these": ("Ei mikään näistä", "Inget av dessa"),
    "situation at exit": ("tilanne päättyessä", "situation vid avslutningen"),
    "situation on": ("tilanne päivänä", "situationen den"),
    "gained a qualification thanks to the project": (
        "sai tutkinnon tai pätevyyden hankkeen ansiosta",
        "fick en examen eller behörighet tack vare projektet",
    ),
    "recorded by": ("kirjaaja", "registrerat av"),
    "exit record": ("päättymistieto", "avslutningsuppgift"),
    "exit records": ("päättymistiedot", "avslutningsuppgifter"),
    "Waiting for an answer": ("Odottaa vastausta", "Väntar på svar"),
    "Answered": ("Vastattu", "Besvarad"),
    "Closed without an answer": ("Suljettu ilman vastausta", "Stängd utan svar"),
    "due": ("eräpäivä", "förfallodag"),
    "situation six months after exit": (
        "tilanne kuusi kuukautta päättymisen jälkeen",
        "situationen sex månader efter avslutningen",
    ),
    "moved to a permanent contract": ("siirtyi vakituiseen työsuhteeseen", "fick en fast anställning"),
    "moved to full-time work": ("siirtyi kokoaikatyöhön", "gick över till heltidsarbete"),
    "moved to a more demanding job or was promoted": (
        "siirtyi vaativampiin tehtäviin tai sai ylennyksen",
        "fick mer krävande uppgifter eller blev befordrad",
    ),
    "answered": ("vastattu", "besvarad"),
    "answered by": ("vastaaja", "besvarad av"),
    "reminders sent": ("muistutuksia lähetetty", "påminnelser skickade"),
    "last reminded": ("viimeksi muistutettu", "senast påmind"),
    "follow-up": ("seuranta", "uppföljning"),
    "follow-ups": ("seurannat", "uppföljningar"),
    "Got a job": ("Sai työpaikan", "Fick ett arbete"),
    "Started an internship": ("Aloitti työharjoittelun", "Började en praktik"),
    "Finished an internship": ("Päätti työharjoittelun", "Avslutade en praktik"),
    "Founded a company": ("Perusti yrityksen", "Grundade ett företag"),
    "Started studies": ("Aloitti opinnot", "Började studera"),
    "Gained a qualification": ("Sai tutkinnon tai pätevyyden", "Fick en examen eller behörighet"),
    "Moved to another service": ("Siirtyi toiseen palveluun", "Gick vidare till en annan tjänst"),
    "outcome": ("tulos", "resultat"),
    "date": ("päivämäärä", "datum"),
    "For a company founded, e.g. 1234567-8": (
        "Perustetulle yritykselle, esim. 1234567-8",
        "För ett grundat företag, t.ex. 1234567-8",
    ),
    "evidence": ("todenne", "belägg"),
    "Where this is shown: a contract, a certificate, a link": (
        "Mistä tämä näkyy: sopimus, todistus, linkki",
        "Var detta framgår: ett avtal, ett intyg, en länk",
    ),
    "outcomes": ("tulokset", "resultat"),
    "You may not record outcomes for this participation.": (
        "Et voi kirjata tuloksia tälle osallistumiselle.",
        "Du får inte registrera resultat för det här deltagandet.",
    ),
    "Choose one of the listed situations.": (
        "Valitse jokin luetelluista tilanteista.",
        "Välj en av de listade situationerna.",
    ),
    "Choose yes, no or prefer not to answer.": (
        "Valitse kyllä, ei tai en halua vastata.",
        "Välj ja, nej eller vill inte svara.",
    ),
    "The situation cannot apply before the exit date.": (
        "Tilanne ei voi olla voimassa ennen päättymispäivää.",
        "Situationen kan inte gälla före slutdatumet.",
    ),
    "Record the situation once it applies: the date is in the future.": (
        "Kirjaa tilanne vasta, kun se on voimassa: päivä on tulevaisuudessa.",
        "Registrera situationen först när den gäller: datumet ligger i framtiden.",
    ),
    "Your coordinator records when your participation ends; then you can tell your situation.": (
        "Koordinaattorisi kirjaa, milloin osallistumisesi päättyy; sen jälkeen voit kertoa tilanteesi.",
        "Din koordinator registrerar när ditt deltagande avslutas; därefter kan du berätta om din situation.",
    ),
    "Your participation has not ended.": (
        "Osallistumisesi ei ole päättynyt.",
        "Ditt deltagande har inte avslutats.",
    ),
    "Only your coordinator can change the exit date.": (
        "Vain koordinaattorisi voi muuttaa päättymispäivää.",
        "Bara din koordinator kan ändra slutdatumet.",
    ),
    "This participation is already active.": (
        "Tämä osallistuminen on jo aktiivinen.",
        "Det här deltagandet är redan aktivt.",
    ),
    "Record the exit date first; the link asks about the situation at exit.": (
        "Kirjaa ensin päättymispäivä; linkki kysyy tilannetta päättyessä.",
        "Registrera först slutdatumet; länken frågar om situationen vid avslutningen.",
    ),
    "This participant has no e-mail address.": (
        "Osallistujalla ei ole sähköpostiosoitetta.",
        "Deltagaren har ingen e-postadress.",
    ),
    "Your situation at the end of %(project)s": (
        "Tilanteesi hankkeen %(project)s päättyessä",
        "Din situation i slutet av %(project)s",
    ),
    "Choose your situation, or prefer not to answer.": (
        "Valitse tilanteesi tai vaihtoehto En halua vastata.",
        "Välj din situation eller Vill inte svara.",
    ),
    "This question is asked only of those employed when they joined.": (
        "Tätä kysytään vain niiltä, jotka olivat aloittaessaan työssä.",
        "Den här frågan ställs bara till dem som var i arbete när de började.",
    ),
    "This follow-up is no longer open for answers.": (
        "Tähän seurantaan ei voi enää vastata.",
        "Den här uppföljningen går inte längre att besvara.",
    ),
    "Only the participant's coordinator can record follow-up answers.": (
        "Vain osallistujan koordinaattori voi kirjata seurannan vastaukset.",
        "Bara deltagarens koordinator kan registrera uppföljningens svar.",
    ),
    "The follow-up is about the situation after exit: record the exit first.": (
        "Seuranta koskee tilannetta päättymisen jälkeen: kirjaa ensin päättyminen.",
        "Uppföljningen gäller situationen efter avslutningen: registrera först avslutningen.",
    ),
    "Choose one of the listed outcomes.": (
        "Valitse jokin luetelluista tuloksista.",
        "Välj ett av de listade resultaten.",
    ),
    "Give the date of the outcome.": ("Anna tuloksen päivämäärä.", "Ange resultatets datum."),
    "An outcome of the project cannot be before the entry date.": (
        "Hankkeen tulos ei voi olla ennen aloituspäivää.",
        "Ett resultat av projektet kan inte vara före startdatumet.",
    ),
    "Record the outcome once it has happened: the date is in the future.": (
        "Kirjaa tulos vasta, kun se on toteutunut: päivä on tulevaisuudessa.",
        "Registrera resultatet först när det har inträffat: datumet ligger i framtiden.",
    ),
    "Give the business ID of the company founded.": (
        "Anna perustetun yrityksen Y-tunnus.",
        "Ange det grundade företagets FO-nummer.",
    ),
    "%(value)s is not a valid business ID: give a Finnish business ID (1234567-8) or a Swedish or Norwegian organisation number.": (
        "%(value)s ei ole kelvollinen yritystunnus: anna Y-tunnus (1234567-8) tai ruotsalainen tai norjalainen organisaationumero.",
        "%(value)s är inte ett giltigt företagsnummer: ange ett finskt FO-nummer (1234567-8) eller ett svenskt eller norskt organisationsnummer.",
    ),
    "A business ID is recorded only for a company founded.": (
        "Y-tunnus kirjataan vain perustetulle yritykselle.",
        "FO-nummer registreras bara för ett grundat företag.",
    ),
    "Your coordinator recorded this outcome; ask them to change it.": (
        "Koordinaattorisi kirjasi tämän tuloksen; pyydä häntä muuttamaan sitä.",
        "Din koordinator registrerade det här resultatet; be hen ändra det.",
    ),
    "Reminder: how are you doing six months after %(project)s?": (
        "Muistutus: mitä sinulle kuuluu kuusi kuukautta hankkeen %(project)s jälkeen?",
        "Påminnelse: hur har du det sex månader efter %(project)s?",
    ),
    "How are you doing six months after %(project)s?": (
        "Mitä sinulle kuuluu kuusi kuukautta hankkeen %(project)s jälkeen?",
        "Hur har du det sex månader efter %(project)s?",
    ),
    "Follow-ups": ("Seurannat", "Uppföljningar"),
    "Your participation in %(project)s has ended. Please tell us your situation when it ended (it takes a minute; no sign-in needed):": (
        "Osallistumisesi hankkeeseen %(project)s on päättynyt. Kerro meille tilanteesi sen päättyessä (vie minuutin, kirjautumista ei tarvita):",
        "Ditt deltagande i %(project)s har avslutats. Berätta för oss om din situation när det avslutades (det tar en minut, ingen inloggning behövs):",
    ),
    'Every question can be answered "prefer not to answer". Your answers help the project report its results to the funder.': (
        'Jokaiseen kysymykseen voi vastata "en halua vastata". Vastauksesi auttavat hanketta raportoimaan tuloksensa rahoittajalle.',
        'Alla frågor kan besvaras med "vill inte svara". Dina svar hjälper projektet att rapportera sina resultat till finansiären.',
    ),
    "Thank you!": ("Kiitos!", "Tack!"),
    "We have not yet heard from you about your situation six months after %(project)s.": (
        "Emme ole vielä kuulleet tilanteestasi kuusi kuukautta hankkeen %(project)s jälkeen.",
        "Vi har ännu inte hört hur din situation är sex månader efter %(project)s.",
    ),
    "Six months have passed since you took part in %(project)s. How are you doing now?": (
        "Osallistumisestasi hankkeeseen %(project)s on kulunut kuusi kuukautta. Mitä sinulle kuuluu nyt?",
        "Sex månader har gått sedan du deltog i %(project)s. Hur har du det nu?",
    ),
    "Please answer a few short questions (it takes a minute; no sign-in needed):": (
        "Vastaa muutamaan lyhyeen kysymykseen (vie minuutin, kirjautumista ei tarvita):",
        "Svara på några korta frågor (det tar en minut, ingen inloggning behövs):",
    ),
    "Exit and outcomes": ("Päättyminen ja tulokset", "Avslutning och resultat"),
    "Your situation at exit": ("Tilanteesi osallistumisen päättyessä", "Din situation vid avslutningen"),
    "Record the exit": ("Kirjaa päättyminen", "Registrera avslutningen"),
    "Your coordinator records when your participation ends; then you can tell your situation here.": (
        "Koordinaattorisi kirjaa, milloin osallistumisesi päättyy; sen jälkeen voit kertoa tilanteesi täällä.",
        "Din koordinator registrerar när ditt deltagande avslutas; därefter kan du berätta om din situation här.",
    ),
    'Your participation in %(project)s has ended. Tell us your situation when it ended. You can answer "prefer not to answer" to any question.': (
        'Osallistumisesi hankkeeseen %(project)s on päättynyt. Kerro tilanteesi sen päättyessä. Jokaiseen kysymykseen voi vastata "en halua vastata".',
        'Ditt deltagande i %(project)s har avslutats. Berätta om din situation när det avslutades. Alla frågor kan besvaras med "vill inte svara".',
    ),
    'Give the exit date and the situation at exit in one go. "Prefer not to answer" counts as unknown, never as no.': (
        'Anna päättymispäivä ja tilanne päättyessä samalla kertaa. "En halua vastata" lasketaan tuntemattomaksi, ei koskaan kielteiseksi.',
        'Ange slutdatum och situationen vid avslutningen på en gång. "Vill inte svara" räknas som okänt, aldrig som nej.',
    ),
    "Follow-up": ("Seuranta", "Uppföljning"),
    "How are you doing now?": ("Mitä sinulle kuuluu nyt?", "Hur har du det nu?"),
    "Record follow-up answers": ("Kirjaa seurannan vastaukset", "Registrera uppföljningens svar"),
    'Six months have passed since your participation ended. Please answer these short questions. You can answer "prefer not to answer" to any of them.': (
        'Osallistumisesi päättymisestä on kulunut kuusi kuukautta. Vastaa näihin lyhyisiin kysymyksiin. Jokaiseen voi vastata "en halua vastata".',
        'Sex månader har gått sedan ditt deltagande avslutades. Svara på de här korta frågorna. Alla kan besvaras med "vill inte svara".',
    ),
    "Send": ("Lähetä", "Skicka"),
    "Six months after each exit the participant is asked about their situation, with reminders after 14 and 28 days; after 60 days without an answer the follow-up closes.": (
        "Kuusi kuukautta kunkin päättymisen jälkeen osallistujalta kysytään hänen tilanteestaan, ja muistutukset lähtevät 14 ja 28 päivän kuluttua; jos vastausta ei tule 60 päivässä, seuranta suljetaan.",
        "Sex månader efter varje avslutning frågas deltagaren om sin situation, med påminnelser efter 14 och 28 dagar; utan svar inom 60 dagar stängs uppföljningen.",
    ),
    "Due": ("Eräpäivä", "Förfallodag"),
    "Reminders sent": ("Muistutuksia lähetetty", "Påminnelser skickade"),
    "No follow-ups.": ("Ei seurantoja.", "Inga uppföljningar."),
    "This link is closed": ("Tämä linkki on suljettu", "Den här länken är stängd"),
    "The questions have already been answered. Thank you!": (
        "Kysymyksiin on jo vastattu. Kiitos!",
        "Frågorna har redan besvarats. Tack!",
    ),
    "The questions behind this link can no longer be answered. If you want to tell your situation, contact your coordinator.": (
        "Tämän linkin kysymyksiin ei voi enää vastata. Jos haluat kertoa tilanteesi, ota yhteyttä koordinaattoriisi.",
        "Frågorna bakom den här länken kan inte längre besvaras. Om du vill berätta om din situation, kontakta din koordinator.",
    ),
    "Remove outcome": ("Poista tulos", "Ta bort resultat"),
    'Remove the outcome "%(kind)s" of %(date)s?': (
        'Poistetaanko tulos "%(kind)s" (%(date)s)?',
        'Ta bort resultatet "%(kind)s" från %(date)s?',
    ),
    "Recorded by": ("Kirjaaja", "Registrerat av"),
    "Note:": ("Huom.:", "Obs.:"),
    "The situation applies more than four weeks after the exit, so it does not count as an immediate result.": (
        "Tilanne on voimassa yli neljä viikkoa päättymisen jälkeen, joten sitä ei lasketa välittömäksi tulokseksi.",
        "Situationen gäller mer än fyra veckor efter avslutningen och räknas därför inte som ett omedelbart resultat.",
    ),
    "The participation was reopened; this record is updated at the next exit.": (
        "Osallistuminen avattiin uudelleen; nämä tiedot päivitetään seuraavassa päättymisessä.",
        "Deltagandet öppnades på nytt; uppgifterna uppdateras vid nästa avslutning.",
    ),
    "Change the exit": ("Muuta päättymistä", "Ändra avslutningen"),
    "E-mail the participant a link to tell their situation": (
        "Lähetä osallistujalle sähköpostitse linkki tilanteen kertomiseen",
        "Skicka deltagaren en länk per e-post för att berätta om sin situation",
    ),
    "Reopen (re-entry)": ("Avaa uudelleen (paluu)", "Öppna på nytt (återinträde)"),
    "Tell my situation at exit": ("Kerro tilanteeni päättyessä", "Berätta om min situation vid avslutningen"),
    "Follow-up six months after exit": (
        "Seuranta kuusi kuukautta päättymisen jälkeen",
        "Uppföljning sex månader efter avslutningen",
    ),
    "Situation six months after exit": (
        "Tilanne kuusi kuukautta päättymisen jälkeen",
        "Situationen sex månader efter avslutningen",
    ),
    "Moved to a permanent contract": ("Siirtyi vakituiseen työsuhteeseen", "Fick en fast anställning"),
    "Moved to full-time work": ("Siirtyi kokoaikatyöhön", "Gick över till heltidsarbete"),
    "Moved to a more demanding job or was promoted": (
        "Siirtyi vaativampiin tehtäviin tai sai ylennyksen",
        "Fick mer krävande uppgifter eller blev befordrad",
    ),
    "Answered by": ("Vastaaja", "Besvarad av"),
    "The follow-up is asked six months after the exit.": (
        "Seurantakysely lähetetään kuusi kuukautta päättymisen jälkeen.",
        "Uppföljningen skickas sex månader efter avslutningen.",
    ),
    "Date": ("Päivämäärä", "Datum"),
    "Outcome": ("Tulos", "Resultat"),
    "Details": ("Tiedot", "Uppgifter"),
    "Evidence:": ("Todenne:", "Belägg:"),
    "No outcomes recorded yet.": ("Tuloksia ei ole vielä kirjattu.", "Inga resultat har registrerats ännu."),
    "Add an outcome": ("Lisää tulos", "Lägg till ett resultat"),
    "Thank you": ("Kiitos", "Tack"),
    "Your answers were saved.": ("Vastauksesi tallennettiin.", "Dina svar sparades."),
    "The exit situation was saved.": (
        "Tilanne päättyessä tallennettiin.",
        "Situationen vid avslutningen sparades.",
    ),
    "The link was e-mailed to the participant.": (
        "Linkki lähetettiin osallistujalle sähköpostitse.",
        "Länken skickades till deltagaren per e-post.",
    ),
    "The participation is active again; the exit record stays until the next exit.": (
        "Osallistuminen on taas aktiivinen; päättymistiedot säilyvät seuraavaan päättymiseen asti.",
        "Deltagandet är aktivt igen; avslutningsuppgifterna finns kvar till nästa avslutning.",
    ),
    "Only coordinators record follow-up answers.": (
        "Vain koordinaattorit kirjaavat seurannan vastauksia.",
        "Bara koordinatorer registrerar uppföljningens svar.",
    ),
    "The follow-up answers were saved.": (
        "Seurannan vastaukset tallennettiin.",
        "Uppföljningens svar sparades.",
    ),
    "The outcome was saved.": ("Tulos tallennettiin.", "Resultatet sparades."),
    "New outcome": ("Uusi tulos", "Nytt resultat"),
    "Edit outcome": ("Muokkaa tulosta", "Redigera resultat"),
    "The outcome was removed.": ("Tulos poistettiin.", "Resultatet togs bort."),
    # Strings of the participants templates that link here (not in the project catalogue).
    "Exit, follow-up and outcomes": (
        "Päättyminen, seuranta ja tulokset",
        "Avslutning, uppföljning och resultat",
    ),
    "My exit and outcomes": ("Osallistumiseni päättyminen ja tulokset", "Min avslutning och mina resultat"),
}
PLURALS = {
    "%(n)s reminder sent": (
        ("%(n)s muistutus lähetetty", "%(n)s muistutusta lähetetty"),
        ("%(n)s påminnelse skickad", "%(n)s påminnelser skickade"),
    ),
}
EXTRA = ("Exit, follow-up and outcomes", "My exit and outcomes")

if __name__ == "__main__":
    from pathlib import Path

    import polib

    here = Path(__file__).resolve().parent
    project = here.parents[1] / "locale"
    for index, language in enumerate(("fi", "sv")):
        known = {
            e.msgid: e.msgstr
            for e in polib.pofile(str(project / language / "LC_MESSAGES" / "django.po"))
            if e.msgstr and not e.msgctxt
        }
        for lang in (language, "en") if language == "fi" else (language,):
            path = here / lang / "LC_MESSAGES" / "django.po"
            po = polib.pofile(str(path))
            ids = {e.msgid for e in po}
            for msgid in EXTRA:
                if msgid not in ids:
                    po.append(polib.POEntry(msgid=msgid, msgstr=""))
            if lang == "en":
                po.save(str(path))
                continue
            for entry in po:
                if entry.msgid_plural:
                    forms = PLURALS[entry.msgid][index]
                    entry.msgstr_plural = {0: forms[0], 1: forms[1]}
                else:
                    text = T.get(entry.msgid, (None, None))[index] or known.get(entry.msgid)
                    if text is None:
                        raise SystemExit(f"missing {language}: {entry.msgid!r}")
                    entry.msgstr = text
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
            po.save(str(path))
    print("ok")
