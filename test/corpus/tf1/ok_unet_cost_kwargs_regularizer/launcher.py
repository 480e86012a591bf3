# Idiom seen in: jakeret/tf_unet scripts/launcher.py
# Idiom seen in: jakeret/tf_unet tf_unet/unet.py
# What it reproduces: the launcher builds the Unet with cost_kwargs=dict(regularizer=0.001) and hands it
#   to unet.Trainer, which minimizes net.cost (cross entropy + 0.001 * sum l2_loss): clean.
from __future__ import print_function, division, absolute_import, unicode_literals

import click

import unet
from image_gen import GrayScaleDataProvider


@click.command()
@click.option('--output_path', default="./unet_trained")
@click.option('--training_iters', default=32)
@click.option('--epochs', default=100)
@click.option('--layers', default=3)
@click.option('--features_root', default=16)
def launch(output_path, training_iters, epochs, layers, features_root):
    generator = GrayScaleDataProvider(572, 572, cnt=20)
    net = unet.Unet(channels=generator.channels,
                    n_class=generator.n_class,
                    layers=layers,
                    features_root=features_root,
                    cost_kwargs=dict(regularizer=0.001),
                    )
    trainer = unet.Trainer(net, optimizer="momentum", opt_kwargs=dict(momentum=0.2))
    path = trainer.train(generator, output_path, training_iters=training_iters, epochs=epochs)
    print(path)


if __name__ == '__main__':
    launch()
