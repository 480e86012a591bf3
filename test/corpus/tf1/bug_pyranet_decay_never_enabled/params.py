# Idiom seen in: CVPRLab-UniParthenope/EmoP3D layers/variables.py
# Idiom seen in: CVPRLab-UniParthenope/EmoP3D layers/applications.py
# Idiom seen in: CVPRLab-UniParthenope/EmoP3D train_3dpyranet.py
# What it reproduces: get_variable_with_decay(..., weight_decay=None) guarded by `if weight_decay:` feeds a "weight_decay"
#   collection that compute_loss sums into the loss; weight_decay is handed down the layer builders, but the only
#   outermost value is params.WEIGHT_DECAY = 0.0 (flag moved into a params module): the decay never runs (WD303).
# Hyper-parameters for the 3DPyraNet emotion runs
BATCH_SIZE = 100
FEATURE_MAPS = 3
NUM_CLASSES = 6
LEARNING_RATE = 0.00015
DECAY_STEPS = 15
DECAY_RATE = 0.1
MAX_EPOCHS = 50
WEIGHT_DECAY = 0.0  # L2 regularization lambda
