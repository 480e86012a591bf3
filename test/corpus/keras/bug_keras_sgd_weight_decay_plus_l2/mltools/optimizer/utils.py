# Idiom seen in: Yuki-Wada/text_embedding mltools/optimizer/utils.py
# What it reproduces: one optimizer config dict shared with the repo's PyTorch code, where 'decay' has always
#   been renamed to weight_decay; after TF 2.11 rejected `decay=` in the new Keras optimizers the Keras helper
#   got the same rename, so the config's decay now reaches tf.keras SGD as (decoupled) weight_decay.
# label-note: WD203 on the SGD call line: the weight_decay= keyword is built in the kwargs dict a few lines up and
#   passed through **kwargs, and no exclude_from_weight_decay is called, so biases and BatchNormalization
#   gamma/beta are decayed too.
from typing import Dict


def get_keras_optimizer(optimizer_params: Dict):
    from tensorflow.keras import optimizers
    kwargs = dict(optimizer_params['kwargs'])
    if 'decay' in kwargs:
        # TF >= 2.11: `decay` is no longer accepted; in our configs it always meant weight decay.
        kwargs['weight_decay'] = kwargs.pop('decay')
    if optimizer_params['type'] == 'sgd':
        return optimizers.SGD(**kwargs)  # expect: WD203
    raise ValueError('The optimizer {} is not supported.'.format(optimizer_params['type']))
