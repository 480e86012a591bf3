# Idiom seen in: pacoricci/colorectal colorectal/constants.py
# What it reproduces: the project's hyperparameter module; WEIGHT_DECAY is 0.0, which switches off the only weight
#   decay the model has (see the guard in cnn_model.py).
TF_SEED = 6739428
DS_SIZE = 5000
NAMES = ('Tumour epithelium', 'Simple stroma', 'Complex stroma', 'Immune cell conglomerates',
         'Debris and mucus', 'Mucosal glands', 'Adipose tissue', 'Background')
BATCH_SIZE = 32
BATCH_NORMALIZATION_MOMENTUM = 0.8
SGD_LEARNING_RATE = 1e-3
WEIGHT_DECAY = 0.0
MOMENTUM = 0.9
OLE_WEIGHT = 0.05
EPOCHS = 200
