"""Everyday Arabic words of work and daily life, with their French: appended to an Arabic
experience so that the French ROME labels can be found.

The sentence model is multilingual, but it matches an Arabic sentence to French labels
poorly: on 25 labelled experiences written again in Arabic, success@10 fell from 0.88 to
0.68 (`bench/languages_bench.py`). Like the French glossary of everyday words
(`text.GLOSSARY`), this one is written by hand. It covers the common fields of work a young
newcomer may have met (food, shops, cleaning, care, building, repairs, transport, farming,
sport, music, languages...), not the sentences of any test set.

Matching is on word stems: Arabic joins articles and prepositions to the word ("والمطعم",
"بالمخبز") and pronouns to its end ("أمي", "أطفالهم"), so those prefixes are taken off and a
stem matches the beginning of a word. Spelling variants of alef, hamza, ta marbuta and alef
maqsura are folded first.
"""

from __future__ import annotations

import re

_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, dagger alef, tatweel
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و",
                       "ئ": "ي"})
_ARABIC_WORD = re.compile("[\u0621-\u064a]+")
_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ف", "ل")

# stem (folded) -> French words; a stem of 3 letters or more matches the start of a word
_STEMS: dict[str, str] = {
    # food, bakery, restaurant
    "مخبز": "boulangerie, pain", "خباز": "boulanger, pain", "خبز": "pain, boulangerie",
    "حلويات": "pâtisserie, gâteaux", "حلاوه": "pâtisserie", "كعك": "gâteaux, pâtisserie",
    "مطعم": "restaurant, service en salle", "مطاعم": "restaurant",
    "مقهي": "café, service au bar", "طبخ": "cuisine, préparer des repas",
    "طباخ": "cuisinier, cuisine", "مطبخ": "cuisine", "اطبخ": "cuisiner, préparer des repas",
    "يطبخ": "cuisiner", "وجبات": "repas, plats", "طعام": "repas, nourriture",
    "اكل": "repas, nourriture", "صحون": "plonge, vaisselle", "نادل": "serveur, service en salle",
    "جزار": "boucher, boucherie", "لحم": "viande, boucherie",
    "ملحمه": "boucherie", "بيتزا": "pizza, pizzaïolo", "شاورما": "restauration rapide",
    "فلافل": "restauration rapide", "تذوق": "dégustation",
    # shops, selling, cashier
    "سوبرماركت": "supermarché, magasin", "بقاله": "épicerie, commerce", "دكان": "magasin, commerce",
    "متجر": "magasin, commerce", "سوق": "marché, vente",
    "بيع": "vente, vendre", "ابيع": "vendre, vente", "يبيع": "vendre, vente",
    "بايع": "vendeur, vente", "بائع": "vendeur, vente", "زبائن": "clients, accueil",
    "زبون": "client, accueil", "كاشير": "caisse, caissier", "صندوق": "caisse",
    "رفوف": "mise en rayon", "بضاعه": "marchandises, mise en rayon", "خضار": "fruits et légumes",
    "فواكه": "fruits et légumes", "ملابس": "vêtements",
    # cleaning, housework
    "تنظيف": "nettoyage, ménage", "انظف": "nettoyer, ménage", "ينظف": "nettoyer",
    "نظافه": "nettoyage, propreté", "كنس": "balayer, nettoyage", "غسيل": "lavage, linge",
    "اكوي": "repassage", "ترتيب": "ranger, rangement",
    "ارتب": "ranger", # children, elderly, care, health
    "اطفال": "enfants, garde d'enfants", "طفل": "enfant", "اولاد": "enfants",
    "اخوتي": "frères et sœurs, garde d'enfants", "اخواني": "frères, garde d'enfants",
    "رضيع": "bébé, petite enfance", "حضانه": "crèche, petite enfance",
    "اعتني": "m'occuper de, prendre soin", "رعايه": "soins, aide à la personne",
    "جدتي": "grand-mère, personne âgée", "مسن": "personnes âgées", "كبار السن": "personnes âgées",
    "مريض": "malade, soins",
    "مرضي": "malades, soins", "ممرض": "infirmier, soins", "مستشفي": "hôpital, soins",
    "دواء": "médicaments", "ادويه": "médicaments", "اسعاف": "premiers secours",
    "صيدليه": "pharmacie", "اعاقه": "handicap, accompagnement",
    # building, repairs
    "بناء": "bâtiment, construction, maçonnerie", "دهان": "peinture", "طلاء": "peinture",
    "تبليط": "carrelage", "بلاط": "carrelage",
    "سباكه": "plomberie", "سباك": "plombier, plomberie", "كهرباء": "électricité",
    "كهربائي": "électricien, électricité", "نجار": "menuisier, bois", "نجاره": "menuiserie, bois",
    "خشب": "bois, menuiserie", "حداده": "soudure, métallerie", "لحام": "soudure",
    "تصليح": "réparation, réparer", "اصلاح": "réparation, réparer", "اصلح": "réparer",
    "صيانه": "maintenance, entretien", "ترميم": "rénovation", "تجديد": "rénovation, travaux",
    "حمام": "salle de bain", "ورشه": "atelier, chantier",
    # vehicles, transport, warehouse
    "سياره": "voiture, automobile", "سيارات": "voitures, mécanique automobile",
    "ميكانيك": "mécanique, mécanicien", "ميكانيكي": "mécanicien", "دراجه": "vélo",
    "توصيل": "livraison, livreur", "اوصل": "livrer, livraison", "سائق": "chauffeur, conduite",
    "قياده": "conduite", "شاحنه": "camion, transport", "مستودع": "entrepôt, logistique",
    "طلبيات": "préparation de commandes", "طرود": "colis", "تحميل": "chargement, manutention",
    # phones, computers, media
    "هاتف": "téléphone, téléphonie", "هواتف": "téléphones", "جوال": "téléphone portable",
    "موبايل": "téléphone portable", "كمبيوتر": "ordinateur, informatique",
    "حاسوب": "ordinateur, informatique", "برمجه": "programmation, développement",
    "انترنت": "internet, numérique", "يوتيوب": "vidéo, montage vidéo", "فيديو": "vidéo",
    "فيديوهات": "vidéos, montage vidéo", "مونتاج": "montage vidéo", "تصوير": "photo, vidéo",
    "اصور": "filmer, photographier", "العاب الفيديو": "jeux vidéo", "تويتش": "streaming, jeux vidéo",
    # farm, garden, animals
    "مزرعه": "ferme, exploitation agricole", "زراعه": "agriculture", "فلاح": "agriculteur",
    "ابقار": "vaches, élevage", "بقر": "vaches, élevage", "اغنام": "moutons, élevage",
    "خرفان": "moutons, élevage", "دجاج": "poules, élevage", "اسطبل": "étable, élevage",
    "حديقه": "jardin, espaces verts", "حدائق": "jardins, espaces verts", "اشجار": "arbres",
    "زهور": "fleurs", "حيوانات": "animaux", "كلاب": "chiens", "قطط": "chats",
    "ملجا": "refuge pour animaux",
    # sewing, hair, beauty
    "خياطه": "couture", "خياط": "couturier, couture", "حلاقه": "coiffure",
    "حلاق": "coiffeur, coiffure", "تسريح": "coiffure", "مكياج": "maquillage, esthétique",
    "تجميل": "esthétique, beauté",
    # sport, music, art
    "كره القدم": "football", "رياضه": "sport",
    "مدرب": "entraîneur, sport", "تدريب": "entraînement, stage", "رقص": "danse",
    "ارقص": "danser, danse", "موسيقي": "musique", "غيتار": "guitare, musique",
    "اعزف": "jouer d'un instrument, musique", "غناء": "chant", "رسم": "dessin",
    "حفلات": "concerts, spectacles",
    # languages, school, helping, associations
    "ترجمه": "traduction, interprète", "اترجم": "traduire, traduction",
    "لغات": "langues", "دروس": "cours, soutien scolaire", "درس": "cours",
    "تلميذ": "élève, soutien scolaire", "رياضيات": "mathématiques", "مدرسه": "école",
    "جمعيه": "association, bénévolat", "متطوع": "bénévole, bénévolat", "تطوع": "bénévolat",
    "مشردين": "sans-abri, aide sociale", "فقراء": "personnes en difficulté, aide sociale",
    "استقبال": "accueil", "فندق": "hôtel, hôtellerie", "سينما": "cinéma",
    "تذاكر": "billets, billetterie", "حراسه": "sécurité, surveillance",
    "ميزانيه": "budget, gestion", "حسابات": "comptabilité", "مكتب": "bureau, secrétariat",
    # more everyday work: reading and writing, the office, events, outdoors, moving
    "مكتبه": "bibliothèque, livres", "كتب": "livres", "قراءه": "lecture", "اقرا": "lire, lecture",
    "كتابه": "écriture, rédaction", "قصص": "histoires, écriture", "ارسم": "dessiner, dessin",
    "طباعه": "impression", "وورد": "traitement de texte, bureautique",
    "اكسل": "tableur, bureautique", "مكالمات": "appels téléphoniques, centre d'appels",
    "اتصالات": "centre d'appels, téléphone", "حفل": "événement, fête",
    "اعراس": "mariages, événementiel", "عرس": "mariage, événementiel", "زينه": "décoration",
    "تزيين": "décoration", "مخيم": "colonie de vacances, animation",
    "انشطه": "activités, animation", "العاب": "jeux, animation",
    "سباحه": "natation, piscine", "اسبح": "nager, natation", "مسبح": "piscine, natation",
    "انقاذ": "sauvetage, surveillance de baignade", "شاطي": "plage",
    "نفايات": "déchets, propreté", "قمامه": "déchets, ordures",
    "اعاده تدوير": "recyclage, tri des déchets", "عشب": "pelouse, tonte, espaces verts",
    "اسيجه": "haies, taille", "تقليم": "taille, élagage", "طماطم": "légumes, maraîchage",
    "اثاث": "meubles, déménagement", "انتقال": "déménagement", "نقل": "transport, déménagement",
    "حمل": "porter des charges, manutention", "كراتين": "cartons, manutention",
    "سمك": "poissons, aquarium", "اسماك": "poissons", "حوض": "aquarium, bassin",
    "زواحف": "reptiles, animaux", "خيول": "chevaux, équitation", "خيل": "chevaux, équitation",
    "طيور": "oiseaux", "بيطري": "vétérinaire, soins aux animaux", "صيد": "pêche",
    "بحر": "mer, marin",
}
_BY_LENGTH = sorted(_STEMS, key=len, reverse=True)


def fold_arabic(text: str) -> str:
    """Arabic text without diacritics, with alef, hamza and ta marbuta variants folded."""
    return _DIACRITICS.sub("", text).translate(_FOLD)


def _stems_of(word: str) -> list[str]:
    """The word and the word without the joined prefixes it may carry ("وبالمطعم": and, in,
    the), one after the other."""
    out = [word]
    for form in out:  # grows while it is read: each form's own prefixes are taken off too
        for prefix in _PREFIXES:
            rest = form[len(prefix):]
            if form.startswith(prefix) and len(rest) >= 3 and rest not in out:
                out.append(rest)
    return out


def _starts_with(form: str, stem: str) -> bool:
    """A stem at the start of a word form; a final ta marbuta (folded to ه) is written ت
    when a pronoun follows ("حديقته", his garden)."""
    return form.startswith(stem) or (stem.endswith("ه") and form.startswith(stem[:-1] + "ت"))


def arabic_glossary(text: str) -> list[str]:
    """French words for the everyday Arabic words of a text, once each, in text order."""
    folded = fold_arabic(text)
    found: list[str] = []
    for phrase in (s for s in _BY_LENGTH if " " in s):  # two-word entries first
        if phrase in folded:
            found.append(_STEMS[phrase])
            folded = folded.replace(phrase, " ")
    for word in _ARABIC_WORD.findall(folded):
        for form in _stems_of(word):
            stem = next((s for s in _BY_LENGTH if " " not in s and _starts_with(form, s)
                         and (len(s) >= 4 or len(form) - len(s) <= 2)), None)
            if stem is not None:
                found.append(_STEMS[stem])
                break
    return list(dict.fromkeys(found))
