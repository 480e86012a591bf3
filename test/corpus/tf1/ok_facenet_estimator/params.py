# Idiom seen in: liumusicforever/tf_models_develop_framework networks/classification/facenet_resnet50/graph.py
# Idiom seen in: liumusicforever/tf_models_develop_framework networks/classification/facenet_resnet50/params.py
# What it reproduces: face-recognition Estimator model_fn (slim resnet_v2 backbone, Logits with weights_regularizer,
#   prelogits-norm and center-loss terms pushed into REGULARIZATION_LOSSES); total_loss = add_n([xent] + that collection)
#   is what the Momentum optimizer minimizes (clean).
batch_size = 75
save_summary_steps = 50
num_epochs = 25

pre_trained = None
lr = 0.05
momentum = 0.9
keep_probability = 0.8
embedding_size = 512
weight_decay = 5e-4
num_classes = 752
prelogits_norm_p = 1.0
prelogits_norm_loss_factor = 5e-4
center_loss_alfa = 0.9
center_loss_factor = 0.01
learning_rate_decay_epochs = 100
epoch_size = 1000
learning_rate_decay_factor = 1.0
