"""Names, languages and backgrounds the demo draws participants from.

Each origin has women's and men's first names, family names (a "male/female" pair where the
language inflects them), the first language and the typical citizenship answer. Invented people
only: any likeness to a real person is a coincidence of common names.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    key: str
    country: str  # where people of this origin in the demo come from (for the work history)
    language: str  # ISO 639-1 (or -3) of the first language
    citizenship: str  # Citizenship value: fi, eu or non_eu
    weight: float
    women: tuple[str, ...]
    men: tuple[str, ...]
    family: tuple[str, ...]
    other_languages: tuple[str, ...] = ()


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


ORIGINS: tuple[Origin, ...] = (
    Origin(
        "arabic",
        "Syria",
        "ar",
        "non_eu",
        12,
        _split(
            "Amina, Fatima, Layla, Noor, Rania, Huda, Mariam, Salma, Yasmin, Zainab, Aisha, Hiba, Dina, Rasha"
        ),
        _split(
            "Ahmed, Mohammed, Omar, Ali, Khalid, Hassan, Yousef, Karim, Tariq, Samir, Bilal, Mahmoud, Nabil"
        ),
        _split(
            "Al-Hassan, Haddad, Khalil, Mansour, Nasser, Saleh, Darwish, Aziz, Hamdan, Ibrahim, Qasim, Jaber, "
            "Al-Khatib, Sabbagh, Hamoud"
        ),
    ),
    Origin(
        "iraqi",
        "Iraq",
        "ar",
        "non_eu",
        6,
        _split("Zahraa, Sara, Ruqaya, Shahad, Marwa, Ban, Noora"),
        _split("Mustafa, Haidar, Ammar, Hussein, Saif, Abbas, Ali"),
        _split("Al-Jubouri, Al-Obaidi, Al-Tamimi, Kadhim, Jassim, Al-Saadi, Hameed"),
    ),
    Origin(
        "somali",
        "Somalia",
        "so",
        "non_eu",
        7,
        _split("Hodan, Ayaan, Faadumo, Sahra, Hibaaq, Ifrah, Nimco, Khadra, Ubah, Asli"),
        _split("Abdi, Mahad, Liban, Abdirahman, Guled, Farah, Mustafe, Hassan, Bashir, Yusuf"),
        _split("Warsame, Hirsi, Abdullahi, Jama, Osman, Farah, Mohamud, Ali, Egal, Aden, Nur"),
    ),
    Origin(
        "russian",
        "Russia",
        "ru",
        "non_eu",
        9,
        _split(
            "Anna, Olga, Ekaterina, Natalia, Svetlana, Irina, Maria, Yulia, Tatiana, Anastasia, Elena, Daria"
        ),
        _split("Dmitri, Alexei, Sergei, Ivan, Mikhail, Andrei, Nikolai, Pavel, Vladimir, Artem, Maxim"),
        _split(
            "Ivanov/Ivanova, Smirnov/Smirnova, Kuznetsov/Kuznetsova, Popov/Popova, Sokolov/Sokolova, "
            "Lebedev/Lebedeva, Kozlov/Kozlova, Novikov/Novikova, Morozov/Morozova, Volkov/Volkova, "
            "Orlov/Orlova"
        ),
    ),
    Origin(
        "ukrainian",
        "Ukraine",
        "uk",
        "non_eu",
        10,
        _split(
            "Oksana, Olena, Iryna, Kateryna, Yuliia, Tetiana, Nataliia, Halyna, Viktoriia, Sofiia, Mariia"
        ),
        _split("Oleksandr, Andrii, Bohdan, Taras, Yurii, Volodymyr, Mykola, Serhii, Dmytro, Maksym"),
        _split(
            "Kovalenko, Shevchenko, Bondarenko, Tkachenko, Kravchenko, Melnyk, Boyko, Lysenko, Marchenko, "
            "Savchuk, Kovalchuk, Petrenko, Moroz, Hnatiuk"
        ),
    ),
    Origin(
        "persian",
        "Iran",
        "fa",
        "non_eu",
        6,
        _split("Maryam, Shirin, Parisa, Nazanin, Sara, Leila, Roya, Mahsa, Golnaz, Niloufar"),
        _split("Reza, Amir, Dariush, Mehdi, Babak, Farid, Hossein, Kian, Arash, Navid"),
        _split("Ahmadi, Hosseini, Karimi, Rahimi, Moradi, Jafari, Rezaei, Tehrani, Sadeghi, Kazemi, Najafi"),
    ),
    Origin(
        "afghan",
        "Afghanistan",
        "fa",
        "non_eu",
        4,
        _split("Fariba, Zahra, Mursal, Shabnam, Freshta, Mina"),
        _split("Ahmad, Farhad, Jawad, Nasir, Wahid, Sohrab"),
        _split("Ahmadzai, Popal, Sultani, Noori, Hakimi, Stanikzai, Wardak"),
        ("ps",),
    ),
    Origin(
        "chinese",
        "China",
        "zh",
        "non_eu",
        6,
        _split("Mei, Xiaoling, Jing, Yan, Hui, Ling, Xinyi, Fang, Qian, Yue"),
        _split("Wei, Jun, Hao, Lei, Tao, Qiang, Bo, Zhiwei, Yang, Chen"),
        _split("Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun"),
    ),
    Origin(
        "spanish",
        "Spain",
        "es",
        "eu",
        3,
        _split("María, Lucía, Carmen, Paula, Marta, Elena"),
        _split("Javier, Pablo, Alejandro, Sergio, David, Álvaro"),
        _split("García, Martínez, López, Sánchez, Fernández, Romero, Navarro"),
    ),
    Origin(
        "latin",
        "Colombia",
        "es",
        "non_eu",
        5,
        _split("Camila, Valentina, Sofía, Daniela, Gabriela, Natalia, Andrea, Paola"),
        _split("Carlos, Diego, Andrés, Luis, Mateo, Santiago, Juan Pablo, Felipe"),
        _split("Rodríguez, González, Hernández, Pérez, Ramírez, Torres, Castillo, Vargas, Morales"),
    ),
    Origin(
        "nigerian",
        "Nigeria",
        "en",
        "non_eu",
        5,
        _split("Chiamaka, Ngozi, Adaeze, Funmilayo, Temitope, Oluwakemi, Blessing"),
        _split("Chinedu, Emeka, Oluwaseun, Tunde, Ifeanyi, Babatunde, Segun"),
        _split("Okafor, Adeyemi, Okonkwo, Balogun, Eze, Nwosu, Adebayo, Okoro"),
        ("yo",),
    ),
    Origin(
        "indian",
        "India",
        "hi",
        "non_eu",
        7,
        _split("Priya, Ananya, Deepa, Kavya, Lakshmi, Sneha, Pooja, Divya"),
        _split("Rahul, Arjun, Vikram, Rohan, Sanjay, Aditya, Karthik, Nikhil"),
        _split("Sharma, Patel, Reddy, Iyer, Nair, Gupta, Kumar, Singh, Menon, Rao"),
    ),
    Origin(
        "vietnamese",
        "Vietnam",
        "vi",
        "non_eu",
        4,
        _split("Linh, Huong, Mai, Thao, Ngoc, Trang, Lan"),
        _split("Minh, Tuan, Duc, Hoang, Quang, Long, Nam"),
        _split("Nguyễn, Trần, Lê, Phạm, Hoàng, Vũ, Đặng, Bùi"),
    ),
    Origin(
        "turkish",
        "Turkey",
        "tr",
        "non_eu",
        4,
        _split("Elif, Zeynep, Ayşe, Merve, Büşra, Esra"),
        _split("Mehmet, Emre, Murat, Burak, Can, Oğuz"),
        _split("Yılmaz, Demir, Kaya, Şahin, Çelik, Aydın, Öztürk"),
    ),
    Origin(
        "kurdish",
        "Iraq",
        "ku",
        "non_eu",
        3,
        _split("Berfin, Dilan, Rojda, Shilan, Hêvî"),
        _split("Baran, Serhat, Rebwar, Azad, Karwan"),
        _split("Barzani, Zebari, Hawrami, Rashid, Mahmoud"),
        ("ar",),
    ),
    Origin(
        "filipino",
        "Philippines",
        "tl",
        "non_eu",
        3,
        _split("Maricel, Kristine, Jasmine, Rowena, Angelica"),
        _split("Jose, Mark, Rommel, Jerome, Paolo"),
        _split("Santos, Reyes, Cruz, Bautista, Dela Cruz, Villanueva, Mendoza"),
    ),
    Origin(
        "brazilian",
        "Brazil",
        "pt",
        "non_eu",
        3,
        _split("Ana Clara, Juliana, Fernanda, Beatriz, Larissa"),
        _split("João, Rafael, Thiago, Lucas, Gustavo"),
        _split("Silva, Santos, Oliveira, Souza, Costa, Ferreira, Almeida"),
    ),
    Origin(
        "ethiopian",
        "Ethiopia",
        "am",
        "non_eu",
        3,
        _split("Selam, Hiwot, Meron, Tigist, Bethlehem"),
        _split("Dawit, Yonas, Abel, Henok, Samuel"),
        _split("Tesfaye, Bekele, Haile, Girma, Alemu, Tadesse"),
    ),
    Origin(
        "eritrean",
        "Eritrea",
        "ti",
        "non_eu",
        2,
        _split("Senait, Luwam, Helen, Saba"),
        _split("Filmon, Yonatan, Robel, Merhawi"),
        _split("Tesfamariam, Ghebremedhin, Woldemichael, Kidane, Berhe"),
    ),
    Origin(
        "estonian",
        "Estonia",
        "et",
        "eu",
        3,
        _split("Kadri, Liis, Triin, Maarja, Kristiina"),
        _split("Margus, Tanel, Rein, Jaan, Indrek"),
        _split("Tamm, Saar, Sepp, Mägi, Kask, Kukk, Rebane"),
    ),
    Origin(
        "polish",
        "Poland",
        "pl",
        "eu",
        3,
        _split("Agnieszka, Katarzyna, Magdalena, Joanna, Aleksandra"),
        _split("Piotr, Tomasz, Krzysztof, Paweł, Michał"),
        _split(
            "Kowalski/Kowalska, Nowak, Wiśniewski/Wiśniewska, Wójcik, Kamiński/Kamińska, Lewandowski/Lewandowska"
        ),
    ),
    Origin(
        "american",
        "the United States",
        "en",
        "non_eu",
        2,
        _split("Emily, Sarah, Jessica, Megan, Rachel"),
        _split("Michael, Daniel, Matthew, Ryan, Kevin"),
        _split("Johnson, Miller, Davis, Anderson, Thompson, Walker"),
    ),
    Origin(
        "finnish",
        "Finland",
        "fi",
        "fi",
        0,
        _split("Aino, Emilia, Sanna, Laura, Johanna, Riikka, Minna, Heidi"),
        _split("Juha, Mikko, Antti, Jussi, Timo, Ville, Petri, Janne"),
        _split("Virtanen, Korhonen, Mäkinen, Nieminen, Mäkelä, Hämäläinen, Laine, Heikkinen, Koskinen"),
    ),
    Origin(
        "finland_swedish",
        "Finland",
        "sv",
        "fi",
        0,
        _split("Ebba, Linnea, Matilda, Sofia"),
        _split("Mattias, Johan, Fredrik, Anders"),
        _split("Lindholm, Sjöberg, Holmström, Lindqvist, Nyström"),
    ),
)

ORIGIN_BY_KEY = {origin.key: origin for origin in ORIGINS}
ABROAD = tuple(origin for origin in ORIGINS if origin.weight > 0)

FIELDS_OF_EDUCATION = _split(
    "Business administration, Computer science, Civil engineering, Medicine, Economics, Law, Chemistry, "
    "Education, Architecture, Marketing, Biotechnology, Journalism, Nursing, Mechanical engineering, "
    "Accounting, Agriculture, Graphic design, International relations, Software engineering, Pharmacy, "
    "Electrical engineering, Tourism and hospitality, Linguistics, Environmental science, Data science"
)

OCCUPATIONS = _split(
    "software developer, accountant, civil engineer, teacher, nurse, pharmacist, marketing manager, "
    "architect, lawyer, journalist, project manager, laboratory technician, sales representative, "
    "restaurant owner, graphic designer, university researcher, logistics coordinator, bank clerk, "
    "data analyst, mechanical engineer, shop owner, interpreter, hotel manager, electrician"
)

LOCAL_JOBS = _split(
    "warehouse work, cleaning work, restaurant kitchen, delivery courier, home care assistant, "
    "customer service, kindergarten assistant, no work yet"
)

COUNTRY_NAMES = {"FI": "Finland", "SE": "Sweden", "NO": "Norway", "DK": "Denmark"}

PHONE_PREFIX = {"FI": "+358 4", "SE": "+46 7", "NO": "+47 4"}

_FOLD = str.maketrans(
    {"ł": "l", "Ł": "L", "ı": "i", "ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "Đ": "D", "ê": "e"}
)


def ascii_slug(text: str) -> str:
    """`text` folded to lower-case ASCII letters for an e-mail address: "Wiśniewska" → "wisniewska"."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    letters = "".join(c for c in folded if c.isascii() and (c.isalnum()))
    return letters.lower()
