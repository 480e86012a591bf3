# Idiom seen in: GeorgeSeif/Semantic-Segmentation-Suite builders/frontend_builder.py
# What it reproduces: the arg_scope built by resnet_v2.resnet_arg_scope() (weights_regularizer on every
#   slim.conv2d) is entered here around the frontend; the training script never reads the regularization losses.
import os
import tensorflow as tf
import tf_slim as slim
import resnet_v2


def build_frontend(inputs, frontend, is_training=True, pretrained_dir="models"):
    if frontend == 'ResNet50':
        with slim.arg_scope(resnet_v2.resnet_arg_scope()):
            logits, end_points = resnet_v2.resnet_v2_50(inputs, is_training=is_training, scope='resnet_v2_50')
            frontend_scope = 'resnet_v2_50'
            init_fn = slim.assign_from_checkpoint_fn(
                model_path=os.path.join(pretrained_dir, 'resnet_v2_50.ckpt'),
                var_list=slim.get_model_variables('resnet_v2_50'),
                ignore_missing_vars=True)
    else:
        raise ValueError("Unsupported frontend model '%s'" % frontend)
    return logits, end_points, frontend_scope, init_fn
