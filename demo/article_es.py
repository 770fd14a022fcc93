"""DEMO TRANSLATION: the seed article in Spanish, written for the demo (not a professional clinical translation).

It shows the per-locale clinical review: the translation is its own page under ``/es/resources/``, signed off by a
reviewer whose profile lists Spanish (``SIGNOFFS``), with its own stamps and byline. The items mirror
``demo.article.BODY`` one for one (same kinds, centers, actions and citations; only the words are Spanish), so the
loader builds the body with the same function.
"""

from __future__ import annotations

import datetime
from typing import Any

from .article import INTAKE_PHONE, _action

TITLE = "IOP para la depresión: qué esperar y cómo funciona"
SUMMARY = (
    "Vivir con depresión puede ser agotador, sobre todo cuando tus herramientas de siempre ya no funcionan. Qué es "
    "un programa intensivo ambulatorio (IOP) para la depresión, cómo funciona, cómo es la primera semana y para "
    "quién es más adecuado."
)
SEO_TITLE = TITLE
SEARCH_DESCRIPTION = (
    "Cómo funciona un programa intensivo ambulatorio (IOP) para la depresión: horario, terapias como la DBT y la "
    "terapia de grupo, tu primera semana y señales de que podrías necesitar un nivel de atención más alto."
)
PUBLISHED_AT = datetime.datetime(2026, 1, 15, 18, 0, tzinfo=datetime.UTC)
SIGNOFFS = [
    (
        "natalie-foster",
        datetime.datetime(2026, 1, 15, 17, 0, tzinfo=datetime.UTC),
        "Traducción revisada completa frente al original; contenido clínico correcto.",
    ),
]

BODY: list[tuple[Any, ...]] = [
    (
        "paragraph",
        "Vivir con depresión puede ser agotador, sobre todo cuando tus herramientas de siempre ya no funcionan. Según "
        "informes recientes, unos 21 millones de adultos en EE. UU. —alrededor del 8,3 % de todos los adultos— viven "
        "al menos un episodio depresivo mayor, así que no estás solo en lo que sientes. Muchas personas llegan a un "
        "punto en que la terapia semanal no basta, pero un programa de internamiento parece demasiado. Ahí es donde "
        "un IOP para la depresión puede marcar una diferencia real.",
    ),
    ("statistic", "21 millones", "de adultos en EE. UU. viven al menos un episodio depresivo mayor", [1]),
    (
        "paragraph",
        "Un programa intensivo ambulatorio (IOP) ofrece estructura, apoyo y orientación sin que dejes tu vida "
        "diaria. Te ayuda a recuperar rutinas sanas, entender tus síntomas y practicar estrategias de afrontamiento "
        "en el momento.",
    ),
    (
        "treatment_centers",
        "Nuestros centros de tratamiento",
        [
            "arizona-iop-phoenix-sample",
            "arizona-iop-scottsdale-sample",
            "arizona-iop-tempe-sample",
            "arizona-iop-mesa-sample",
            "arizona-iop-tucson-sample",
        ],
    ),
    (
        "cta",
        _action("Empieza una atención ambulatoria personalizada", "intake"),
        _action("Encuentra el apoyo que te conviene", "center_locator"),
    ),
    ("heading", "Qué es realmente un IOP para la depresión"),
    (
        "paragraph",
        "Un IOP para la depresión es un tratamiento ambulatorio pensado para quienes necesitan más apoyo del que da "
        "la terapia semanal. Asistes a varias sesiones por semana, pero sigues durmiendo en casa y conectado con tu "
        "vida diaria.",
    ),
    (
        "paragraph",
        "Este enfoque se sitúa entre la terapia ambulatoria habitual y la hospitalización parcial o el internamiento. "
        "Te da un nivel de atención más alto sin la presión de una vigilancia las 24 horas.",
    ),
    (
        "paragraph",
        "Un buen programa intensivo ambulatorio ofrece orientación constante, estabilidad emocional y un entorno de "
        "apoyo donde practicar con seguridad nuevas estrategias. Cada paso busca reducir los síntomas y ayudarte a "
        "sentir más control.",
    ),
    ("heading", "Cómo funciona un programa intensivo ambulatorio"),
    (
        "paragraph",
        "La mayoría de los programas se reúnen de 3 a 5 veces por semana, unas horas cada día. En esas sesiones "
        "participas en terapias como la terapia conductual, la terapia dialéctica conductual, la terapia de grupo y "
        "el entrenamiento en habilidades.",
    ),
    (
        "paragraph",
        "El objetivo es ayudarte a entender tu depresión, reconocer patrones y responder al estrés de formas más "
        "sanas. Este tratamiento intensivo da estructura, pero te permite seguir trabajando, estudiando o atendiendo "
        "a tu familia.",
    ),
    (
        "paragraph",
        "Cada sesión se centra en herramientas que puedes usar de inmediato: técnicas de anclaje, regulación "
        "emocional o habilidades de comunicación que cuidan tu salud mental fuera del programa.",
    ),
    (
        "cta",
        _action("Conoce las opciones de tratamiento ambulatorio", "center_locator"),
        _action("Empieza hoy un programa de tratamiento", "intake"),
    ),
    ("heading", "Qué esperar en tu primera semana"),
    (
        "paragraph",
        "Tu primera semana de IOP para la depresión suele empezar con evaluaciones, conversaciones y la definición de "
        "objetivos. El equipo se toma el tiempo de conocer tu historia, tus dificultades y tus fortalezas para crear "
        "un programa que se ajuste a ti.",
    ),
    (
        "paragraph",
        "Nadie te apura. Te acompañan con paciencia y respeto, porque sanar requiere tiempo, confianza y el apoyo "
        "adecuado.",
    ),
    (
        "paragraph",
        "Al final de la semana, muchas personas sienten alivio. Por primera vez en mucho tiempo tienen estructura, "
        "dirección y un lugar donde sus dificultades se toman en serio.",
    ),
    ("heading", "Tipos de terapia que puedes recibir"),
    (
        "paragraph",
        "La mayoría de los IOP combinan herramientas prácticas con terapias basadas en la evidencia. Puedes conocer "
        "enfoques como:",
    ),
    (
        "bullets",
        [
            "Terapia dialéctica conductual (DBT) para regular las emociones",
            "Estrategias cognitivas para cambiar pensamientos dañinos",
            "Terapia conductual (basada en DBT) para crear hábitos positivos",
            "Terapia de grupo para la conexión y la comunicación",
            "Terapia individual para conocerte mejor",
            "Entrenamiento en habilidades para los retos diarios",
        ],
    ),
    (
        "paragraph",
        "Estos enfoques te ayudan a calmar el sistema nervioso, manejar el estrés y recuperar poco a poco la "
        "confianza en ti y en tu capacidad de afrontar las cosas.",
    ),
    (
        "cta",
        _action("Empieza una atención de salud mental estructurada", "intake"),
        _action("Encuentra un programa intensivo ambulatorio", "center_locator"),
    ),
    ("heading", "Cómo un IOP apoya tu vida diaria"),
    (
        "paragraph",
        "Una de las grandes ventajas de un IOP es la flexibilidad. Recibes el apoyo de un programa estructurado, pero "
        "vuelves a casa al final de cada día.",
    ),
    (
        "paragraph",
        "Así es más fácil aplicar enseguida tus nuevas estrategias: en el trabajo, en la escuela o en tus relaciones. "
        "El equilibrio entre tratamiento y vida real hace que tu progreso se sienta natural y duradero.",
    ),
    (
        "paragraph",
        "La mayoría de los programas orientan sobre dificultades cotidianas como el manejo del estrés, la "
        "comunicación y las rutinas sanas. Con el tiempo, esos pequeños cambios pueden mejorar mucho tu día a día.",
    ),
    ("heading", "Para quién funciona mejor un IOP para la depresión"),
    (
        "paragraph",
        "Un IOP es una buena opción para quienes necesitan más que una terapia semanal pero no requieren "
        "internamiento. Puede ser adecuado para ti si:",
    ),
    (
        "bullets",
        [
            "La depresión altera tus rutinas diarias",
            "Te sientes estancado o abrumado",
            "Quieres más estructura pero necesitas flexibilidad",
            "Prefieres quedarte en casa mientras recibes apoyo",
            "Buscas ayuda antes de que los síntomas empeoren",
        ],
    ),
    (
        "paragraph",
        "Si no sabes qué nivel de atención te corresponde, un IOP suele ser el punto intermedio que ayuda a recuperar "
        "la estabilidad sin apartarte de tu vida.",
    ),
    ("heading", "Cómo saber si necesitas un nivel de atención más alto"),
    (
        "paragraph",
        "A veces la depresión empieza a afectar el trabajo, las relaciones y el funcionamiento diario. Cuando eso "
        "pasa, un nivel de atención más alto como un IOP puede darte la estructura para volver a sentirte seguro y "
        "acompañado.",
    ),
    (
        "paragraph",
        "Quizás notes una tristeza más pesada, más entumecimiento, que te alejas de tus seres queridos o que te "
        "cuesta cada vez más hacer tareas sencillas. Estas señales no significan que estés fallando: solo que puedes "
        "necesitar más ayuda de la que recibes.",
    ),
    (
        "paragraph",
        "Un IOP te ofrece un espacio estable y compasivo para recuperar tu fortaleza emocional y desarrollar hábitos "
        "sanos que sostienen la recuperación a largo plazo.",
    ),
    (
        "cta",
        _action("Habla con un especialista ambulatorio", "phone", phone=INTAKE_PHONE),
        _action("Conoce tus opciones de tratamiento", "page", page="resources"),
    ),
    (
        "spotlight",
        "arizona-iop-phoenix-sample",
        "Elegir el programa adecuado: Arizona IOP",
        [
            "Si buscas un tratamiento ambulatorio que combine compasión, estructura y atención basada en la "
            "evidencia, Arizona IOP ofrece un entorno de apoyo donde sanar a tu propio ritmo.",
            "Sus programas se construyen alrededor de tus necesidades, tu horario y tus metas. Con terapia para la "
            "depresión, habilidades de afrontamiento y apoyo en la vida real, Arizona IOP te ayuda a sentirte "
            "firme y comprendido durante todo el camino.",
            "Su equipo sabe que sanar no es igual para todos, y está listo para acompañarte justo donde estás.",
        ],
    ),
    (
        "cta",
        _action("Empieza tu recuperación con Arizona IOP", "intake"),
        _action("Tu recuperación puede empezar hoy", "phone", phone=INTAKE_PHONE),
    ),
]
