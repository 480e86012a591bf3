# Idiom seen in: persistforever/cifar10-tensorflow src/model/basic_cnn.py (hyper-parameters passed
#   into layer objects); issue #4 of that repository notes the decay coefficient never reaches them
# What it reproduces: shared hyper-parameters; the decay was switched off and never switched back.
LEARNING_RATE = 0.01
MOMENTUM = 0.9
BATCH_SIZE = 128
WEIGHT_DECAY = 0.0  # turned off while debugging the BN layers
