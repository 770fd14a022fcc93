"""DEMO TRANSLATION: Spanish text for the demo's clinicians, sample centers and the vocabulary terms the Spanish seed
article shows (written for the demo, not a professional clinical translation).

Only the words readers see: names, credentials, numbers and links stay the objects' own in every language. Fields
left out here fall back to the English text in the API (``providers.models.translations``).
"""

from __future__ import annotations

# clinician slug -> job title, bio
CLINICIANS: dict[str, dict[str, str]] = {
    "michael-vines": {
        "job_title": "Director médico",
        "bio": "<p>El Dr. Vines supervisa la atención médica de nuestros programas ambulatorios, incluida la evaluación "
        "psiquiátrica y el manejo de medicamentos para la depresión y los trastornos concurrentes.</p>",
    },
    "alex-spritzer": {
        "job_title": "Enfermero practicante psiquiátrico",
        "bio": "<p>Alex realiza evaluaciones psiquiátricas y maneja medicamentos, con especial atención a la depresión "
        "y al consumo de sustancias.</p>",
    },
    "natalie-foster": {
        "job_title": "Directora clínica",
        "bio": "<p>Natalie dirige nuestros programas de terapia y supervisa a los profesionales que imparten DBT, TCC y "
        "terapia de grupo.</p>",
    },
}


def center_summary(city: str) -> str:
    """The sample centers' description (``demo.centers``), in Spanish."""
    return (
        f"Ficha de muestra para demostración: atención ambulatoria intensiva para la depresión y la ansiedad en {city}."
    )


# vocabulary (model name) -> slug -> label
TERMS: dict[str, dict[str, str]] = {
    "Topic": {
        "depression": "Depresión",
        "anxiety": "Ansiedad",
        "substance-use": "Consumo de sustancias",
        "co-occurring-disorders": "Trastornos concurrentes",
    },
    "LevelOfCare": {
        "intensive-outpatient": "Programa ambulatorio intensivo (IOP)",
        "partial-hospitalization": "Hospitalización parcial (PHP)",
    },
    "Service": {
        "dbt": "Terapia dialéctica conductual (DBT)",
        "cbt": "Terapia cognitivo-conductual (TCC)",
        "group-therapy": "Terapia de grupo",
        "individual-therapy": "Terapia individual",
        "skills-training": "Entrenamiento en habilidades de afrontamiento",
        "medication-management": "Manejo de medicamentos",
    },
    "Population": {"adults": "Adultos", "young-adults": "Adultos jóvenes"},
    "Language": {"english": "Inglés", "spanish": "Español"},
    "Payer": {
        "private-insurance": "Seguro médico privado",
        "medicaid": "Medicaid (AHCCCS en Arizona)",
        "self-pay": "Pago en efectivo o por cuenta propia",
    },
}
