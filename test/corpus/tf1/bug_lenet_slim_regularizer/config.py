# Idiom seen in: ganyc717/LeNet config.py
# What it reproduces: module-level hyper-parameters imported as cfg by the model and the training script.
KEEP_PROB = 0.5
LEARNING_RATE = 1e-4
BATCH_SIZE = 50
PARAMETER_FILE = "checkpoint/variable.ckpt"
MAX_ITER = 50000
WEIGHT_DECAY = 0.0005
