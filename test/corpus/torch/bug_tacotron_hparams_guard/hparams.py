# Idiom seen in: X-CCS/WE-Tacotron hparams.py
# What it reproduces: the flat module of hyperparameters the training script reads; the
#   weight_decay constant was zeroed here, so the decay branch in train.py never runs.
# Audio:
num_mels = 80
num_freq = 1025
sample_rate = 20000

# Model:
hidden_size = 128
embedding_size = 256
outputs_per_step = 5

# Training:
batch_size = 32
epochs = 100
lr = 0.001
weight_decay = 0.0
loss_weight = 0.5
decay_step = [500000, 1000000, 2000000]
save_step = 2000
log_step = 5
checkpoint_path = './model_new'
