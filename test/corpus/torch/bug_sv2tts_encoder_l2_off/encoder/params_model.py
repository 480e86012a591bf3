# Idiom seen in: CorentinJ/Real-Time-Voice-Cloning encoder/params_model.py
# Idiom seen in: CorentinJ/Real-Time-Voice-Cloning encoder/train.py
# What it reproduces: module-level hyperparameters star-imported by train.py; the L2 knob a user
#   added is left at 0.0, the only value any run uses.

## Model parameters
model_hidden_size = 256
model_embedding_size = 256
model_num_layers = 3


## Training parameters
learning_rate_init = 1e-4
speakers_per_batch = 64
utterances_per_speaker = 10
l2_weight_decay = 0.0  # L2 on the LSTM/projection weights (0 = off)
