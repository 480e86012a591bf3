# Idiom seen in: am0606/cnn_hsi_p variables.py
# Idiom seen in: am0606/cnn_hsi_p keras_models.py
# Idiom seen in: am0606/cnn_hsi_p hsi_classifier_keras.py
# What it reproduces: Salinas hyperspectral 1-D CNN (Hu et al. 2015) with Dense(kernel_regularizer=l2(0.001)) trained by
#   compile/fit, which adds model.losses itself; the SGD decay=INIT_LR/epochs in variables.py is the legacy learning-rate
#   decay, not weight decay (clean).
from tensorflow.keras.optimizers import Adam, SGD

INIT_LR = 0.01
batch_size = 600
epochs = 1500
decay = INIT_LR / epochs
validation_split = 0.1

# opt = Adam(lr=INIT_LR, beta_1=0.9, beta_2=0.999, epsilon=None, decay=decay, amsgrad=False)
opt = SGD(lr=INIT_LR, momentum=0.9, decay=decay, nesterov=False)

nrows_image = 83
ncols_image = 86

# Wei Hu et al. Deep convolutional neural networks for hyperspectral image classification.
num_kernels = 20
k1 = 24
k2 = 5
n4 = 100
