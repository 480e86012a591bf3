# Idiom seen in: NVIDIA/tacotron2 hparams.py
# Idiom seen in: NVIDIA/tacotron2 train.py
# What it reproduces: Tacotron2 keeps weight_decay=1e-6 in an hparams dict that train.py hands to
# torch.optim.Adam over model.parameters(): coupled L2 under Adam, on every bias and BatchNorm too.
import tensorflow as tf
from text import symbols


class AttrDict(dict):
    def __init__(self, *args, **kwargs):
        super(AttrDict, self).__init__(*args, **kwargs)
        self.__dict__ = self


def create_hparams(hparams_string=None, verbose=False):
    """Create model hyperparameters. Parse nondefault from given string."""
    hparams = AttrDict({
        # experiment
        "epochs": 500,
        "iters_per_checkpoint": 1000,
        "seed": 1234,
        "fp16_run": False,
        "distributed_run": False,
        "cudnn_enabled": True,
        "cudnn_benchmark": False,
        "ignore_layers": ['embedding.weight'],

        # data
        "training_files": 'filelists/ljs_audio_text_train_filelist.txt',
        "validation_files": 'filelists/ljs_audio_text_val_filelist.txt',
        "text_cleaners": ['english_cleaners'],
        "sampling_rate": 22050,
        "n_mel_channels": 80,

        # model
        "n_symbols": len(symbols),
        "symbols_embedding_dim": 512,
        "encoder_n_convolutions": 3,
        "postnet_n_convolutions": 5,

        # optimization
        "use_saved_learning_rate": False,
        "learning_rate": 1e-3,
        "weight_decay": 1e-6,
        "grad_clip_thresh": 1.0,
        "batch_size": 64,
        "mask_padding": True,
    })

    if hparams_string:
        tf.compat.v1.logging.info('Parsing command line hparams: %s', hparams_string)
        for kv in hparams_string.split(','):
            k, v = kv.split('=')
            hparams[k] = type(hparams[k])(v)

    if verbose:
        tf.compat.v1.logging.info('Final parsed hparams: %s', hparams)

    return hparams
