# Idiom seen in: alex-damian/jaxutil jaxbase/train.py
# What it reproduces: hyperparameters of a data-parallel (pmap) ResNet run with the L2 penalty in
#   the loss and plain SGD+Nesterov (no optimizer decay); clean.
LR = 0.1
MOMENTUM = 0.9
WEIGHT_DECAY = 5e-4
EPOCHS = 200
PER_DEVICE_BATCH = 128
