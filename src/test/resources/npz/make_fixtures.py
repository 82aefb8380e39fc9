# Writes the numpy-made fixtures that NpzFileSpec and NpyFileSpec read. Run from this directory:
#   python3 make_fixtures.py
# The specs hard-code the same values, so regenerate only together with them.
import numpy as np

arrays = {
    "f32": np.arange(12, dtype=np.float32).reshape(3, 4) / np.float32(4),
    "u8": (np.arange(24) * 11 % 256).astype(np.uint8).reshape(2, 3, 4),
    "i8": np.array([-128, -1, 0, 1, 127], dtype=np.int8),
    "i16": np.array([-300, 7], dtype=np.int16),
    "i64": np.array([-(2**40), 0, 2**62], dtype=np.int64),
    "flags": np.array([True, False, True]),
    "names": np.array(["chr1:100-200", "peak_\u00fc", "\U0001D538b", ""]),
    "meta": np.array('{"k": 1}'),
    "be": (np.arange(5) * 1.5).astype(">f8"),
    "be_names": np.array(["ab", "\u00e9"]).astype(">U2"),
    "fort": np.asfortranarray(np.arange(6, dtype=np.int32).reshape(2, 3)),
}
np.savez("numpy_savez.npz", **arrays)
np.savez_compressed("numpy_savez_compressed.npz", **arrays)
# big-endian, Fortran-ordered, 3-D: exercises byte swapping and the general transpose together
np.save("numpy_fortran_be.npy", np.asfortranarray((np.arange(12) * 3).reshape(2, 3, 2).astype(">i4")))
