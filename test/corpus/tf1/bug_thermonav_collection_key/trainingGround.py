# Idiom seen in: haesemeyer/GradientPrediction trainingGround.py
# What it reproduces: the training script: load h5 training data from a module of the repository,
#   set up the model and train on random batches, printing the squared loss (the decay bug is in
#   mo_types.py / core.py).
import numpy as np
from trainingData import GradientData
from mo_types import ThermalNavModel

N_EPOCHS = 10
BATCHSIZE = 32
TEST_EVERY = 1000

if __name__ == "__main__":
    train_data = GradientData.load("gd_training_data.hdf5")
    test_data = GradientData.load("gd_test_data.hdf5")
    model = ThermalNavModel("m_64_3", n_units=64, n_layers=3)
    model.setup()
    epoch_size = train_data.data_size // BATCHSIZE
    for step in range(N_EPOCHS * epoch_size):
        xbatch, ybatch = train_data.training_batch(BATCHSIZE)
        if step % TEST_EVERY == 0:
            xtest, ytest = test_data.training_batch(1000)
            print("step %d, test squared loss %g" % (step, model.get_squared_loss(xtest, ytest)))
        model.train(xbatch, ybatch, keep=0.5)
    print(np.mean([model.get_squared_loss(*test_data.training_batch(1000)) for _ in range(10)]))
