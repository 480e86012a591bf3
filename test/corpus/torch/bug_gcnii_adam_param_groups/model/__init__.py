# Idiom seen in: THUDM/IGB model/gcnii.py
# Idiom seen in: THUDM/IGB scripts/run_GCNII_Flickr.sh
# What it reproduces: GCNII keeps conv_parameters / fc_parameters lists and the script builds torch Adam with
# two param groups decayed by --wd1 / --wd2: coupled L2 under Adam in both groups, and the fc group holds
# the nn.Linear biases, so they are decayed too.
from .gcnii import GCNII
