"""The seed article's three clinicians, with structured credentials in byline order.

Display names are rendered from these holdings ("Dr. Michael Vines, MD"; "Alex Spritzer, FNP, CARN-AP, PMHNP";
"Natalie Foster, LPC-S, MS"). License numbers and NPIs are left blank rather than invented. Each clinician has a
reviewer account (no password: set one with ``manage.py changepassword <username>`` to sign in).
"""

from __future__ import annotations

import datetime
from typing import Any

VERIFIED_BY_BOARD = "primary_source"

CLINICIANS: list[dict[str, Any]] = [
    {
        "slug": "michael-vines",
        "honorific": "Dr.",
        "name": "Michael Vines",
        "category": "medical",
        "job_title": "Medical Director",
        "bio": "<p>Dr. Vines oversees medical care across our outpatient programs, including psychiatric evaluation "
        "and medication management for depression and co-occurring conditions.</p>",
        "specialties": ["depression", "co-occurring-disorders"],
        "centers": ["arizona-iop-phoenix-sample", "arizona-iop-scottsdale-sample"],
        "user": {"username": "michael.vines", "first_name": "Michael", "last_name": "Vines"},
        "credentials": [
            {
                "code": "MD",
                "jurisdiction": "",
                "issued_on": datetime.date(2004, 5, 22),
                "expires_on": None,
                "verified_on": datetime.date(2025, 11, 30),
                "verification_method": VERIFIED_BY_BOARD,
                "verification_source": "https://www.azmd.gov/",
            },
        ],
    },
    {
        "slug": "alex-spritzer",
        "honorific": "",
        "name": "Alex Spritzer",
        "category": "medical",
        "job_title": "Psychiatric Nurse Practitioner",
        "bio": "<p>Alex provides psychiatric assessment and medication management, with a focus on depression and "
        "substance use.</p>",
        "specialties": ["depression", "substance-use"],
        "centers": ["arizona-iop-mesa-sample", "arizona-iop-tempe-sample"],
        "user": {"username": "alex.spritzer", "first_name": "Alex", "last_name": "Spritzer"},
        "credentials": [
            {
                "code": "FNP",
                "jurisdiction": "AZ",
                "issued_on": datetime.date(2014, 8, 1),
                "expires_on": datetime.date(2029, 8, 31),
                "verified_on": datetime.date(2025, 12, 2),
                "verification_method": VERIFIED_BY_BOARD,
                "verification_source": "https://www.azbn.gov/",
            },
            {
                "code": "CARN-AP",
                "jurisdiction": "",
                "issued_on": datetime.date(2018, 3, 1),
                "expires_on": datetime.date(2029, 2, 28),
                "verified_on": datetime.date(2025, 12, 2),
                "verification_method": VERIFIED_BY_BOARD,
                "verification_source": "https://www.ancbonline.org/",
            },
            {
                "code": "PMHNP",
                "jurisdiction": "AZ",
                "issued_on": datetime.date(2019, 6, 1),
                "expires_on": datetime.date(2029, 8, 31),
                "verified_on": datetime.date(2025, 12, 2),
                "verification_method": VERIFIED_BY_BOARD,
                "verification_source": "https://www.azbn.gov/",
            },
        ],
    },
    {
        "slug": "natalie-foster",
        "honorific": "",
        "name": "Natalie Foster",
        "category": "clinical",
        "job_title": "Clinical Director",
        "bio": "<p>Natalie leads our therapy programs and supervises clinicians delivering DBT, CBT and group "
        "therapy.</p>",
        "specialties": ["depression", "anxiety"],
        "centers": ["arizona-iop-phoenix-sample", "arizona-iop-tucson-sample"],
        "languages": ["english", "spanish"],  # reviews the demo Spanish translation (demo.article_es)
        "user": {"username": "natalie.foster", "first_name": "Natalie", "last_name": "Foster"},
        "credentials": [
            {
                "code": "LPC-S",
                "jurisdiction": "TX",
                "issued_on": datetime.date(2016, 9, 1),
                "expires_on": datetime.date(2028, 9, 30),
                "verified_on": datetime.date(2025, 12, 5),
                "verification_method": VERIFIED_BY_BOARD,
                "verification_source": "https://bhec.texas.gov/verify-a-license/",
            },
            {
                "code": "MS",
                "jurisdiction": "",
                "issued_on": datetime.date(2011, 5, 14),
                "expires_on": None,
                "verified_on": datetime.date(2025, 12, 5),
                "verification_method": "document",
                "verification_source": "https://credentialing.example.org/files/natalie-foster-ms-diploma.pdf",
            },
        ],
    },
]
