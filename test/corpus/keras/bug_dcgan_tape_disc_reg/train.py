# Idiom seen in: tatsy/keras-generative models/base.py
# What it reproduces: BaseModel.main_loop calling an abstract train_on_batch that each GAN overrides.
#   The DCGAN override trains both nets with GradientTape: the generator loss adds
#   sum(self.generator.losses), but the discriminator loss leaves the discriminator L2 terms out.
#   Realistic user port of the repo (which used Keras train_on_batch) to TF2 tapes.
import argparse

from dcgan import DCGAN
from datasets import load_data  # not part of this program


def main():
    parser = argparse.ArgumentParser(description='Training GANs')
    parser.add_argument('--dataset', required=True)
    parser.add_argument('--epoch', type=int, default=200)
    parser.add_argument('--batchsize', type=int, default=50)
    parser.add_argument('--output', default='output')
    args = parser.parse_args()

    datasets = load_data(args.dataset)
    model = DCGAN(input_shape=datasets.shape[1:], z_dims=128, output=args.output)
    model.main_loop(datasets, epochs=args.epoch, batchsize=args.batchsize, reporter=['g_loss', 'd_loss'])


if __name__ == '__main__':
    main()
