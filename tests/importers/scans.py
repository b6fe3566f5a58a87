"""Test scans made from known text: printed with reportlab, rasterised at 200 dpi by pdftoppm (poppler), as a
flatbed scanner would give them. Used by tests/importers/test_ocr.py and bench/ocr_quality.py."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

DPI = 200

# Known text, one page each (written for these tests): a briefing's kind of prose, with figures, names and dates.
PAGES: dict[str, list[str]] = {
    "en": [
        "The minister met her counterparts in Brussels on Thursday to discuss the renewal of the trade agreement. "
        "Officials said that both sides had agreed to extend the current quotas until the end of March, while a "
        "working group would review the rules on steel and aluminium. Exporters in Ontario and Quebec welcomed "
        "the decision, but farmers asked for clearer terms on dairy products and for a schedule of the next round. "
        "The department expects a report from the working group within ninety days.",
        "Heavy rain in the northern regions has delayed the repair of two bridges and a section of the highway. "
        "The provincial government announced emergency funding of 12 million dollars for the affected towns, and "
        "asked the federal government to share the cost of rebuilding. Engineers warned that the spring thaw "
        "could cause further damage if the work is not finished by April. Residents were told to avoid travel "
        "after dark and to follow the updates published by the municipal offices.",
        "The committee heard from six witnesses during its review of the privacy legislation. Several of them "
        "argued that the proposed rules on consent were too vague, and that small businesses would need guidance "
        "before the law takes effect. A representative of the commissioner's office said that fines should be "
        "proportionate to the size of the company. The committee will table its report in the House of Commons "
        "before the summer recess, with recommendations on enforcement and oversight.",
    ],
    "fr": [
        "La ministre a rencontré ses homologues à Bruxelles jeudi pour discuter du renouvellement de l'accord "
        "commercial. Selon les fonctionnaires, les deux parties ont convenu de prolonger les quotas actuels "
        "jusqu'à la fin de mars, tandis qu'un groupe de travail examinera les règles sur l'acier et l'aluminium. "
        "Les exportateurs de l'Ontario et du Québec ont salué la décision, mais les agriculteurs ont demandé des "
        "conditions plus claires pour les produits laitiers et un calendrier de la prochaine ronde.",
        "De fortes pluies dans les régions du nord ont retardé la réparation de deux ponts et d'un tronçon de "
        "l'autoroute. Le gouvernement provincial a annoncé un financement d'urgence de 12 millions de dollars "
        "pour les villes touchées, et a demandé au gouvernement fédéral de partager le coût de la reconstruction. "
        "Les ingénieurs ont prévenu que le dégel du printemps pourrait causer d'autres dégâts si les travaux ne "
        "sont pas terminés en avril. On a conseillé aux résidents d'éviter de circuler après la tombée de la nuit.",
        "Le comité a entendu six témoins au cours de son examen de la loi sur la protection des renseignements "
        "personnels. Plusieurs d'entre eux ont soutenu que les règles proposées sur le consentement étaient trop "
        "vagues, et que les petites entreprises auraient besoin de conseils avant l'entrée en vigueur de la loi. "
        "Une représentante du commissariat a déclaré que les amendes devraient être proportionnelles à la taille "
        "de l'entreprise. Le comité déposera son rapport à la Chambre des communes avant la pause estivale.",
    ],
}


def text_pdf(paragraphs: list[str]) -> bytes:
    """A letter-size page per paragraph, set in 11 pt Times (a printed page's type)."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    out = io.BytesIO()
    style = ParagraphStyle("body", fontName="Times-Roman", fontSize=11, leading=14)
    story: list[Any] = []
    for text in paragraphs:
        story += [Paragraph(text, style), PageBreak()]
    SimpleDocTemplate(out, pagesize=letter).build(story[:-1])
    return out.getvalue()


def scans(paragraphs: list[str], dpi: int = DPI) -> list[Any]:
    """Greyscale page images (PIL) of the paragraphs, one page each, at `dpi`."""
    from PIL import Image

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        import pytest

        pytest.skip("pdftoppm (poppler-utils) is not installed")
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "pages.pdf"
        pdf.write_bytes(text_pdf(paragraphs))
        subprocess.run([pdftoppm, "-r", str(dpi), "-gray", "-png", str(pdf), str(Path(folder) / "p")], check=True)
        images = []
        for path in sorted(Path(folder).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[1])):
            with Image.open(path) as image:
                images.append(image.copy())
    return images


def image_pdf(images: list[Any], dpi: int = DPI) -> bytes:
    """An image-only PDF (a scanner's output): each image drawn as a whole page, no text layer."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    for image in images:
        width, height = image.width * 72 / dpi, image.height * 72 / dpi
        pdf.setPageSize((width, height))
        pdf.drawImage(ImageReader(image), 0, 0, width, height)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def words(text: str) -> list[str]:
    """Words as compared: NFC, case-folded, punctuation dropped (l'aide -> l, aide)."""
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text).casefold())


def word_f1(got: str, want: str) -> float:
    """Bag-of-words F1 of the text read against the known text."""
    found, known = Counter(words(got)), Counter(words(want))
    common = sum((found & known).values())
    if not common:
        return 0.0
    precision, recall = common / sum(found.values()), common / sum(known.values())
    return 2 * precision * recall / (precision + recall)
