"""QR labels (issue 7): every QR decodes with an independent decoder, the text is there, the
font is embedded, and the counter reads the labels back."""

import datetime as dt
import io
import subprocess
import tempfile
from pathlib import Path

import pdfplumber
import pytest
import zxingcpp
from PIL import Image
from sqlalchemy.orm import Session

from catalog.labels import Template, add_template, label_data, templates
from cli.main import main
from core.auth import Actor, PermissionDenied
from core.errors import InvalidValue
from orders.counter import scan
from reports.labels import render_labels
from tests import factories
from tests.factories import ADMIN
from tests.test_catalog_import import load_samples

TODAY = dt.date(2026, 6, 10)


@pytest.fixture
def registry(session: Session) -> Session:
    load_samples(session)
    owner = factories.supplier(session, 7)
    factories.product(session, owner, "NOBAR", barcode=None, name="散装土鸡蛋", unit="个")
    return session


def decode_pages(data: bytes, dpi: int = 200) -> list[list[str]]:
    """Every QR on every page, read by zxing-cpp from the PDF rasterised by poppler's pdftoppm
    (a renderer independent of ReportLab, and of the PDFium that the window uses)."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "labels.pdf"
        pdf.write_bytes(data)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(Path(tmp) / "page")], check=True)
        return [
            sorted(result.text for result in zxingcpp.read_barcodes(Image.open(png)))
            for png in sorted(Path(tmp).glob("page-*.png"))
        ]


def test_a_sheet_decodes_to_the_expected_payloads_with_text_and_font(registry: Session) -> None:
    gs1 = label_data(registry, ADMIN, "XG500", "B2606", TODAY, 365)
    plain = label_data(registry, ADMIN, "NOBAR", "", TODAY, None)
    assert gs1.payload.startswith("https://id.bangfu.cn/01/06900000009017/10/B2606?17=270610&cert=")
    assert plain.payload == "bangfu:p/NOBAR"
    sheet = templates()["a4-3x8"]
    data = render_labels([(gs1, 20), (plain, 6)], sheet)
    pages = decode_pages(data)
    assert [len(page) for page in pages] == [24, 2]
    assert pages[0] == sorted([gs1.payload] * 20 + [plain.payload] * 4)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = pdf.pages[0].extract_text()
    for expected in ("卢氏花菇 500克", "豫扶认〔2025〕101号", "¥68.00", "卢氏县香菇专业合作社", "承诺"):
        assert expected in text.replace("\n", "")
    assert b"/FontFile2" in data
    assert b"/Helvetica" not in data  # no font that a printer would have to guess


@pytest.mark.parametrize("name", ["roll-40x30", "roll-50x30", "roll-60x40", "a4-2x7", "a4-4x10"])
def test_every_template_gives_readable_codes(registry: Session, name: str) -> None:
    item = label_data(registry, ADMIN, "XG500", "B1", TODAY, 30)
    template = templates()[name]
    pages = decode_pages(render_labels([(item, 2)], template), dpi=300)
    assert sum(len(page) for page in pages) == 2
    assert {text for page in pages for text in page} == {item.payload}


def test_start_at_a_later_label_of_a_partly_used_sheet(registry: Session) -> None:
    item = label_data(registry, ADMIN, "HZ1000")
    pages = decode_pages(render_labels([(item, 10)], templates()["a4-3x8"], start=20))
    assert [len(page) for page in pages] == [5, 5]  # positions 20–24, then a new sheet
    with pytest.raises(InvalidValue, match="between 1 and 24"):
        render_labels([(item, 1)], templates()["a4-3x8"], start=25)


def test_each_decoded_payload_scans_to_its_product(registry: Session) -> None:
    for code in ("XG500", "NOBAR", "LX-KG"):
        item = label_data(registry, ADMIN, code, "B9", TODAY, 10)
        [payload] = set(decode_pages(render_labels([(item, 1)], templates()["roll-40x30"]), dpi=300)[0])
        assert scan(registry, payload, TODAY).line.code == code


def test_templates_are_checked_and_coop_managers_label_their_own_products(registry: Session) -> None:
    with pytest.raises(InvalidValue, match="do not fit"):
        add_template(registry, ADMIN, Template("big", "big", (210, 297), (100, 50), 3, 6))
    add_template(registry, ADMIN, Template("a4-1x1", "A4 one label", (210, 297), (200, 100), 1, 1, (5, 5)))
    assert "a4-1x1" in templates(registry)
    coop = Actor("coop", "coop_manager", supplier_id=factories.supplier(registry, 8).id)
    with pytest.raises(PermissionDenied):
        label_data(registry, coop, "XG500")


def test_labels_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "l.db")
    for kind in ("suppliers", "products"):
        assert main(["--db", db, "import", kind, str(Path(__file__).parent / "data" / "samples" / f"{kind}.csv")]) == 0
    out = tmp_path / "labels.pdf"
    args = [
        "--db",
        db,
        "labels",
        "--product",
        "XG500",
        "--count",
        "3",
        "--template",
        "roll-50x30",
        "--batch",
        "L1",
        "--out",
        str(out),
    ]
    assert main(args) == 0
    assert len(decode_pages(out.read_bytes(), dpi=300)) == 3
    assert main(["--db", db, "labels", "--product", "XG500", "--template", "nope", "--out", str(out)]) == 2
    assert "unknown template nope" in capsys.readouterr().err


ROLL_ITEM = dict(
    name="卢氏花菇 500克", spec="0.5kg/袋", price_fen=6800, supplier="卢氏县香菇专业合作社", phone="13829968745",
    origin="411224", cert_no="豫扶认〔2025〕01001号", batch="B2611", produced_on=dt.date(2026, 11, 23),
    expires=dt.date(2027, 11, 23), payload="https://id.bangfu.cn/01/06900000009017",
)  # fmt: skip


@pytest.mark.parametrize("name", ["roll-40x30", "a4-4x10", "a4-3x8"])
def test_label_lines_break_only_between_words_and_fields(name: str) -> None:
    """Today's 40×30 label read "2026-1 / 1-23", "1 / 3829968745" and "500 / 克"."""
    from catalog.labels import LabelData

    data = render_labels([(LabelData(**ROLL_ITEM), 1)], templates()[name])  # type: ignore[arg-type]
    with pdfplumber.open(io.BytesIO(data)) as document:
        lines = document.pages[0].extract_text().splitlines()
    for whole in ("2026-11-23", "2027-11-23", "13829968745", "500克", "豫扶认〔2025〕01001号", "¥68.00", "B2611"):
        assert any(whole in line for line in lines), (whole, lines)
    assert any("卢氏县" in line for line in lines)  # the place, by name


def test_a_field_that_cannot_fit_is_reported_before_printing() -> None:
    from catalog.labels import LabelData

    item = LabelData(**{**ROLL_ITEM, "cert_no": "豫扶认〔2025〕0100100100100100号"})  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match="certificate number does not fit on this label"):
        render_labels([(item, 1)], templates()["roll-40x30"])
    assert render_labels([(item, 1)], templates()["a4-2x7"]).startswith(b"%PDF")  # a larger label takes it


def test_break_points() -> None:
    from reports.labels import break_units

    assert break_units("卢氏花菇 500克", True) == ["卢", "氏", "花", "菇 ", "500克"]
    assert break_units("2026-11-23", True) == ["2026-11-23"]
    assert break_units("13829968745", False) == ["13829968745"]
