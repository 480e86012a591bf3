# Idiom seen in: Med-Amine-saighi/SIIM-ISIC-Melanoma-Classification src/CFG.py
# Idiom seen in: Med-Amine-saighi/SIIM-ISIC-Melanoma-Classification src/train.py
# What it reproduces: Kaggle-style config module of constants read as CFG.x; the training loop builds
#   Adam(model.parameters(), weight_decay=CFG.weight_decay): coupled L2 under Adam, on every bias/BN too.
apex = False
debug = False
print_freq = 100
size = 256
num_workers = 2
scheduler = 'CosineAnnealingLR'  # ['ReduceLROnPlateau', 'CosineAnnealingLR', 'CosineAnnealingWarmRestarts']
epochs = 15
cosanneal_params = {
    'T_max': 10,
    'eta_min': 1e-4 * 0.5,
    'last_epoch': -1,
}
reduce_params = {
    'mode': 'min',
    'factor': 0.2,
    'patience': 5,
    'eps': 1e-6,
}
cosanneal_res_params = {
    'T_0': 10,
    'eta_min': 1e-6,
    'T_mult': 1,
    'last_epoch': -1,
}
momentum = 0.9
lr = 1e-4
weight_decay = 1e-4
gradient_accumulation_steps = 1
max_grad_norm = 1000
nfolds = 5
trn_folds = [0, 1, 2, 3, 4]
model_name = 'efficientnet_b0'
VERSION = 1
preds_col = ['AK', 'BCC', 'BKL', 'DF', 'SCC', 'VASC', 'melanoma', 'nevus', 'unknown']
train = True
target_size = len(preds_col)
fc_dim = 512
seed = 42
batch_size = 64
