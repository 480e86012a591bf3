# Idiom seen in: MeerkatPerson/ml_project2 main.py
# Idiom seen in: MeerkatPerson/ml_project2 train_model.py
# What it reproduces: the repo's entry point calling do_train for audio-MNIST; the weight decay added after
#   optax.sgd in train_model.py acts as negative decay on every run.
import pickle

from activations import modrelu
from models import Audio_MNIST_module
from train_model import do_train

if __name__ == '__main__':
    # for audio_mnist 0.001 performs well
    state, metrics = do_train('audio_mnist', 'real', Audio_MNIST_module, 'avg', modrelu, 0.001)
    with open("results/audio_mnist_wd.pkl", "wb") as fp:
        pickle.dump(state.params, fp)
