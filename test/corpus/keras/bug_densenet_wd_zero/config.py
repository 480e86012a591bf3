# Idiom seen in: keras-team/keras-contrib keras_contrib/applications/densenet.py
# What it reproduces: a DenseNet builder that threads weight_decay from DenseNet(...) through every block into a helper
#   returning l2(weight_decay) only "if weight_decay:"; the config module sets WEIGHT_DECAY = 0.0 and every call passes it,
#   so no layer ever gets a regularizer and the decay machinery is dead (user config; keras-contrib uses 1e-4).
BATCH_SIZE = 64
EPOCHS = 300
LEARNING_RATE = 0.1
MOMENTUM = 0.9
DEPTH = 40
GROWTH_RATE = 12
DROPOUT_RATE = 0.0
WEIGHT_DECAY = 0.0
