# Idiom seen in: unknow112/NSIETE-project-2019 main.py
# Idiom seen in: unknow112/NSIETE-project-2019 flow.py
# What it reproduces: the entry point that compiles the Gan with two Adam optimizers and runs fit (which
#   calls Gan.train_step); the weights are saved to the path given on the command line.
from sys import argv

import tensorflow.keras as keras

from flow import HR_IMAGES, LR_IMAGES, make_dataset
from gan import Gan


def main():
    assert len(argv[1]) > 0
    model = Gan(residual_block_count=16)
    model.compile(g_optimizer=keras.optimizers.Adam(1e-4, 0.9), d_optimizer=keras.optimizers.Adam(1e-4, 0.9))
    dataset = make_dataset(LR_IMAGES[:100], HR_IMAGES[:100], batch_size=8)
    model.fit(dataset, epochs=2)
    model.save_weights(argv[1])


if __name__ == "__main__":
    main()
