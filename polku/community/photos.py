"""A profile photo as Polku keeps it: checked to be an image (Pillow opens and decodes it), within the size
limits below, then re-encoded as a JPEG of at most `SIDE` pixels a side. Re-encoding drops every metadata
block of the upload (EXIF with its GPS position and camera serial, XMP, comments); only the pixels stay."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from polku.core.errors import ApplicationError

MAX_BYTES = 5 * 1024 * 1024  # the upload
MAX_PIXELS = 40_000_000  # width × height of the upload: more is a decompression bomb, not a photo
SIDE = 512
FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


@dataclass(frozen=True)
class Photo:
    data: bytes
    width: int
    height: int


def _refuse(message: str) -> ApplicationError:
    return ApplicationError(message, field_errors={"photo": [message]})


def prepare(content: bytes) -> Photo:
    """The photo to store, or ApplicationError naming the field `photo`."""
    if len(content) > MAX_BYTES:
        raise _refuse(
            _("The photo is %(found)s; at most %(limit)s is accepted.")
            % {"found": filesizeformat(len(content)), "limit": filesizeformat(MAX_BYTES)}
        )
    try:
        with Image.open(io.BytesIO(content)) as probe:
            if probe.format not in FORMATS:
                raise _refuse(_("Choose a photo in JPEG, PNG, WebP or GIF format."))
            if probe.width * probe.height > MAX_PIXELS:
                raise _refuse(_("The photo has too many pixels; take a smaller one."))
            probe.verify()
        with Image.open(io.BytesIO(content)) as opened:
            # keep the orientation the camera meant; the EXIF itself is not carried over
            upright = ImageOps.exif_transpose(opened) or opened
            image = upright.convert("RGB")
            image.thumbnail((SIDE, SIDE))
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=85, optimize=True)
            return Photo(data=out.getvalue(), width=image.width, height=image.height)
    except ApplicationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise _refuse(
            _("The file is not a photo Polku can read. Choose a JPEG, PNG, WebP or GIF image.")
        ) from None
