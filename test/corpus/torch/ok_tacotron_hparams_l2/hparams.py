# Idiom seen in: X-CCS/WE-Tacotron hparams.py
# What it reproduces: the flat hyperparameter module; l2_reg is switched on (1e-6).
num_mels = 80
num_freq = 1025
hidden_size = 128
embedding_size = 256

batch_size = 32
epochs = 100
lr = 0.001
l2_reg = 1e-6
loss_weight = 0.5
save_step = 2000
checkpoint_path = './model_new'
