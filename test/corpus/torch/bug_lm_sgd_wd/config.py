# Idiom seen in: xieliang555/Language-Modeling config.yaml
# Idiom seen in: xieliang555/Language-Modeling main.py
# What it reproduces: the AWD-LSTM-style recipe (plain SGD, no momentum, lr=20..30) with its settings
#   kept in a config module; weight_decay=0.05 copied from an AdamW transformer recipe gives
#   lr*wd = 30*0.05 = 1.5 >= 1 with plain SGD: decay alone flips the weights' sign each step (WD301).


class DataConfig:
    BSZ = 32
    bptt_len = 35
    vocabSize = 28913
    data_root = '/home/user/Data'
    save_root = '/home/user/Data/LM'


class RNNConfig:
    nemd = 400
    nhid = 1150
    nlayer = 3
    drop_ratio = 0.4
    tie_weight = True


class TrainingConfig:
    model_type = 'rnn'
    optim_type = 'sgd'
    lr = 30
    weight_decay = 0.05  # expect: WD301
    momentum = 0
    grad_clip = 0.25
    lr_decay_factor = 4.0
    epochs = 40


data = DataConfig
rnn = RNNConfig
training = TrainingConfig
