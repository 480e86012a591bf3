# Idiom seen in: Zxr1314/DeepLearning net/net.py
# Idiom seen in: Zxr1314/DeepLearning net/unet2d.py
# Idiom seen in: Zxr1314/DeepLearning solver/solver2d.py
# What it reproduces: a Net base class whose conv2d helper builds its kernels with the CIFAR-10
#   _variable_with_weight_decay (wd=1.0) into the 'losses' collection; the subclass's loss() returns
#   only the data term and the solver minimizes that, so nothing ever sums 'losses' (real repo bug).
import numpy as np

from fdataset import FDataSet
from unet2d import Unet2D
from solver2d import Solver2D

common_params = {'batch_size': 2, 'width': 512, 'height': 512, 'channel': 1}
dataset_params = {'dtype': np.uint16, 'random': True,
                  'data_path': '/data/VesselData/TrainData/patches2D512',
                  'label_path': '/data/VesselData/TrainLabel/patches2D512'}
net_params = {'weight_true': 4, 'weight_false': 2}

learning_rate = np.zeros(100000, dtype=np.float32)
learning_rate[0:40000] = 0.001
learning_rate[40000:70000] = 0.0005
learning_rate[70000:] = 0.0001

solver_params = {
    'train_dir': 'models',
    'model_name': 'unet',
    'max_iterators': 100000,
    'learning_rate': learning_rate,
    'beta1': 0.9,
    'beta2': 0.999,
    'eval_names': ['accuracy'],
}

dataset = FDataSet(common_params, dataset_params)
net = Unet2D(common_params, net_params)
solver = Solver2D(dataset, net, common_params, solver_params)
solver.initialize()
solver.solve()
