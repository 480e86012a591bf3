# Idiom seen in: recommenders-team/recommenders recommenders/models/deeprec/models/base_model.py
# What it reproduces: the notebook-style driver: hparams from a YAML file, an iterator from the package's
#   io module (not in this workspace), epochs over a libffm file. Clean.
import sys

from deeprec_utils import prepare_hparams
from ffm_iterator import FFMTextIterator
from xdeepfm import XDeepFMModel


def main(yaml_file, train_file):
    hparams = prepare_hparams(yaml_file, FEATURE_COUNT=1000, FIELD_COUNT=10, dim=10,
                              layer_sizes=[400, 400], embed_l2=0.0001, layer_l2=0.0001,
                              learning_rate=0.001, optimizer='adam', epochs=10, init_value=0.01,
                              is_clip_norm=True, max_grad_norm=2.0)
    model = XDeepFMModel(hparams, FFMTextIterator, seed=42)
    for epoch in range(hparams.epochs):
        for feed in model.iterator.load_data_from_file(train_file):
            _, loss, data_loss = model.train(feed)
        print('epoch %d loss %.4f data_loss %.4f' % (epoch, loss, data_loss))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
