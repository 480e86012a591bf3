# Idiom seen in: WouterCS/cifar10 models/cifar10/cifar10_params.py
# Idiom seen in: WouterCS/cifar10 models/cifar10/cifar10.py
# What it reproduces: the repo's parameter module, where the weight decay was switched off while sweeping
#   (`= 0#0.0001`); here both decay constants are 0, so the guarded decay code in cifar10.py never runs.
import os.path

CONV_WEIGHT_DECAY = 0  # 0.0001
FC_WEIGHT_DECAY = 0  # 0.004

INITIAL_LEARNING_RATE = 0.1
MAX_STEPS = 500000
EVAL_FREQUENCY = 10000


def train_dir(directory, run_num):
    path = os.path.join(directory, 'run_%d' % run_num, 'cifar10_train')
    if not os.path.exists(path):
        os.makedirs(path)
    return path
