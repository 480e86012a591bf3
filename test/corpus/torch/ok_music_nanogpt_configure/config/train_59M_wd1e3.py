# Idiom seen in: BramSimonnet/Symbolic-Music-Data-Machine-Learning-Project nanoGPT/config/train_59M_wd1e3.py
# Idiom seen in: BramSimonnet/Symbolic-Music-Data-Machine-Learning-Project nanoGPT/train.py
# What it reproduces: a tuning config exec'd by train.py over its globals: higher weight decay (1e-3)
#   for the 59M music model.
out_dir = 'music-59M-wd1e3'
device = 'cpu'
compile = False

eval_interval = 200
eval_iters = 100
log_interval = 50

dataset = 'music_char_nanogpt'
gradient_accumulation_steps = 2
batch_size = 8
block_size = 128

learning_rate = 3e-4
max_iters = 400
weight_decay = 1e-3

decay_lr = True
warmup_iters = 50
lr_decay_iters = max_iters
min_lr = 1e-5

dropout = 0.1
n_layer = 12
n_head = 8
n_embd = 640
