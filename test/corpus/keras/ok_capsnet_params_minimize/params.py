# Idiom seen in: MaxPoon/Implementations-of-Deep-Learning-Models Dynamic_Routing_Between_Capsules/params.py
# Idiom seen in: MaxPoon/Implementations-of-Deep-Learning-Models Dynamic_Routing_Between_Capsules/capsulenetwork.py
# What it reproduces: CapsNet whose layer hyper-parameters live in a params module as kwargs dicts
#   (here with kernel_regularizer entries, splatted into Conv2D/Dense), trained in TF2 with
#   optimizer.minimize(loss_fn, var_list=...) where loss_fn adds tf.add_n(model.losses) (clean).
from tensorflow.keras import regularizers

weight_decay = 5e-4

conv1_params = {
    'filters': 256,
    'kernel_size': 9,
    'strides': 1,
    'padding': 'valid',
    'activation': 'relu',
    'kernel_regularizer': regularizers.l2(weight_decay),
}

conv2_params = {
    'filters': 256,
    'kernel_size': 9,
    'strides': 2,
    'padding': 'valid',
    'activation': 'relu',
    'kernel_regularizer': regularizers.l2(weight_decay),
}

batch_size = 256
input_shape = [28, 28, 1]
primary_capsules_shape = [1152, 8]
digits_capsules_params = {'num_capsule': 10, 'dim_capsule': 16, 'routing_iterations': 3}
dense1, dense2 = 512, 1024
reconstruction_loss_coefficient = 0.0005
learning_rate = 1e-3
