"""`polku esco import PATH` loads an official ESCO CSV download; `polku esco load-shipped` the shipped
v1.1.1; `polku esco status` shows what is loaded. See docs/esco.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from polku.core import uploads
from polku.esco.download import EscoFileError, read_download
from polku.esco.loading import known_uris, load_shipped, write
from polku.esco.models import Concept, Label, Release


class Command(BaseCommand):
    help = "ESCO classification: import an official CSV download, load the shipped data, show what is loaded."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="{import,load-shipped,status}")
        imp = actions.add_parser(
            "import",
            help="Load an official ESCO CSV download (folder or .zip) of any version and language.",
        )
        imp.add_argument("path", help="Folder or .zip of the official ESCO CSV download")
        imp.add_argument(
            "--version",
            dest="esco_version",
            help="ESCO version, e.g. 1.2.0 (default: from the folder/zip name)",
        )
        imp.add_argument(
            "--language", help="Language of the files (default: from the file names, e.g. _fi.csv)"
        )
        imp.add_argument(
            "--dry-run", action="store_true", help="Check the files and count changes; write nothing"
        )
        imp.add_argument("--database", default="default")
        shipped = actions.add_parser(
            "load-shipped", help="Load the ESCO v1.1.1 shipped with Polku (idempotent)."
        )
        shipped.add_argument("--database", default="default")
        status = actions.add_parser("status", help="Show the loaded ESCO releases and label languages.")
        status.add_argument("--database", default="default")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        using = options.get("database") or "default"
        if action == "import":
            self._import(options, using)
        elif action == "load-shipped":
            result = load_shipped(using=using, say=self.stdout.write)
            state = "loaded" if result.changed else "already loaded, nothing changed"
            self.stdout.write(f"ESCO {result.version} (en) {state} in {result.seconds:.1f} s.")
        else:
            self._status(using)

    def _import(self, options: dict[str, Any], using: str) -> None:
        path = Path(options["path"])
        verbosity = int(options.get("verbosity", 1))

        def progress(name: str, rows: int, percent: int) -> None:
            if verbosity >= 1:
                self.stdout.write(f"  {name}: {rows:,} rows ({percent}%)")

        self.stdout.write(f"Reading {path} …")
        try:
            data = read_download(
                path,
                version=options.get("esco_version"),
                language=options.get("language"),
                known_uris=known_uris(using),
                progress=progress,
                zip_limits=uploads.esco_zip_limits(),
            )
        except EscoFileError as error:
            raise CommandError(f"{error} Nothing was imported.", returncode=2) from error
        for name, count in sorted(data.skipped.items()):
            self.stdout.write(
                self.style.WARNING(
                    f"  {name}: {count} rows skipped (they point to concepts that are in no concept file; "
                    "the official download has a few such rows)."
                )
            )
        dry = bool(options.get("dry_run"))
        self.stdout.write(
            f"{'Checking' if dry else 'Writing'} ESCO {data.version} ({data.language}): "
            f"{len(data.concepts):,} concepts, {len(data.occupation_skills):,} occupation–skill and "
            f"{len(data.skill_relations):,} skill–skill relations …"
        )
        result = write(data, using=using, dry_run=dry, say=self.stdout.write if verbosity >= 1 else None)
        if dry:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Dry run: the files are valid; nothing was written ({result.seconds:.1f} s)."
                )
            )
        elif result.changed:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported ESCO {data.version} ({data.language}) in {result.seconds:.1f} s."
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"ESCO {data.version} ({data.language}) was already loaded: nothing changed."
                )
            )

    def _status(self, using: str) -> None:
        self.stdout.write(f"{Concept.objects.using(using).count():,} concepts")
        languages = (
            Label.objects.using(using).values_list("language", flat=True).distinct().order_by("language")
        )
        for language in languages:
            count = Label.objects.using(using).filter(language=language).count()
            self.stdout.write(f"  labels in {language}: {count:,}")
        for release in Release.objects.using(using).all():
            self.stdout.write(
                f"ESCO {release.version} ({release.language}) from {release.source}, {release.loaded_at:%Y-%m-%d %H:%M}"
            )
