# Idiom seen in: ZJULearning/pixel_link config.py
# What it reproduces: global config module filled by init_config(...) from the training flags; the net reads
#   config.weight_decay for its slim regularizer.
import tensorflow as tf

global weight_decay
global batch_size_per_gpu
global gpus
global num_clones
global clone_scopes

weight_decay = 0.0001
batch_size = 24
num_gpus = 1


def init_config(image_shape, batch_size=1, weight_decay=0.0005, num_gpus=1):
    globals()['weight_decay'] = weight_decay
    globals()['batch_size'] = batch_size
    globals()['train_image_shape'] = image_shape
    globals()['num_gpus'] = num_gpus
    globals()['gpus'] = ['/gpu:%d' % i for i in range(num_gpus)]
    globals()['num_clones'] = num_gpus
    globals()['clone_scopes'] = ['clone_%d' % idx for idx in range(num_gpus)]
    globals()['batch_size_per_gpu'] = batch_size // num_gpus
