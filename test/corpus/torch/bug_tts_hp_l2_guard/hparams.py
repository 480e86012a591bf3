# Idiom seen in: xcmyz/FastSpeech hparams.py
# What it reproduces: a flat hyperparameter module imported as hp; the optional L2 coefficient that
#   train.py guards on is left at 0.0 here, and nothing else in the workspace sets it.
# Mel
num_mels = 80

# FastSpeech
vocab_size = 300
max_seq_len = 3000
encoder_dim = 256
encoder_n_layer = 4
decoder_dim = 256
decoder_n_layer = 4
dropout = 0.1

# Train
checkpoint_path = "./model_new"
logger_path = "./logger"
batch_size = 32
epochs = 2000
n_warm_up_step = 4000

learning_rate = 1e-3
weight_decay = 0.0
grad_clip_thresh = 1.0

save_step = 3000
log_step = 5
batch_expand_size = 32
