"""What a page shows until its feature is built."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, title: str) -> None:
        super().__init__()
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        note = QLabel(self.tr("This page is not available in this version yet."))
        note.setObjectName("placeholderNote")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
