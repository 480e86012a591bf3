# Idiom seen in: zmgong/nam_with_attention nam/models/nam.py, nam/models/featurenn.py
# What it reproduces: the package marker of the NAM port (models and losses live in sub-modules).
# label-note: no findings here; see nam/losses.py and litnam.py.
