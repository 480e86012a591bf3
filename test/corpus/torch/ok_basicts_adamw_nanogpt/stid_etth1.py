# Idiom seen in: GestaltCogTeam/BasicTS basicts/runners/optim/builder.py
# Idiom seen in: GestaltCogTeam/BasicTS basicts/runners/optim/optimizers.py
# What it reproduces: a BasicTS-style EasyDict config for STID on ETTh1 that selects
# TYPE = 'AdamWnanoGPT' with weight_decay 0.01; the optimizer class itself keeps 1-D tensors undecayed.
from easydict import EasyDict

CFG = EasyDict()
CFG.DESCRIPTION = 'STID | ETTh1'
CFG.DATASET_NAME = 'ETTh1'
CFG.INPUT_LEN = 336
CFG.OUTPUT_LEN = 96
CFG.NUM_NODES = 7

CFG.MODEL = EasyDict()
CFG.MODEL.NAME = 'STID'
CFG.MODEL.PARAM = {
    'num_nodes': 7, 'input_len': 336, 'output_len': 96, 'input_dim': 1, 'embed_dim': 1024,
    'node_dim': 32, 'temp_dim_tid': 8, 'temp_dim_diw': 8, 'time_of_day_size': 24, 'day_of_week_size': 7,
    'num_layer': 1,
}

CFG.TRAIN = EasyDict()
CFG.TRAIN.NUM_EPOCHS = 100
CFG.TRAIN.OPTIM = EasyDict()
CFG.TRAIN.OPTIM.TYPE = 'AdamWnanoGPT'
CFG.TRAIN.OPTIM.PARAM = {
    'lr': 0.0005,
    'weight_decay': 0.01,
}
CFG.TRAIN.LR_SCHEDULER = EasyDict()
CFG.TRAIN.LR_SCHEDULER.TYPE = 'MultiStepLR'
CFG.TRAIN.LR_SCHEDULER.PARAM = {'milestones': [1, 25], 'gamma': 0.5}
CFG.TRAIN.CLIP_GRAD_PARAM = {'max_norm': 5.0}
CFG.TRAIN.DATA = EasyDict()
CFG.TRAIN.DATA.BATCH_SIZE = 64
