# Idiom seen in: sseung0703/Autoslim_TF2 op_util.py
# Idiom seen in: sseung0703/Knowledge_distillation_via_TF2.0 op_util.py
# What it reproduces: the experiment constants module read by train.py; weight decay was switched off here
#   "for a quick run" and never switched back on, so op_util's guarded penalty is dead (WD303 in op_util.py).
ARCH = 'WResNet-16-4'
DATASET = 'cifar10'
BATCH_SIZE = 128
LEARNING_RATE = 1e-1
WEIGHT_DECAY = 0.
TRAIN_EPOCH = 200
