# Idiom seen in: twj515895394/deep-face-lab-tf2.x core/leras/optimizers/RMSprop.py
# What it reproduces: a project that keeps a TF/Keras and a PyTorch implementation side by side and
#   picks one with a flag. torch: AdamW with a proper decay/no-decay split by ndim; keras: layer L2
#   regularizers trained by compile/fit with a plain Adam (no optimizer decay). Clean.
from options import get_options
from samplelib import make_loader, make_tf_dataset, make_decoder  # not part of this program


def main():
    opts = get_options()
    if opts.backend == 'torch':
        from torch_branch import train_torch
        train_torch(opts, make_loader(opts.batch_size), make_decoder('torch'))
    else:
        from tf_branch import train_tf
        train_tf(opts, make_tf_dataset(opts.batch_size), make_decoder('tf'))


if __name__ == '__main__':
    main()
